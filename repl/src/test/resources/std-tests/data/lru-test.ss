;;; :std/misc/lru (doc/reference/std/misc/lru.md)
(import :std/test :std/misc/lru)
(export lru-test)
(def lru-test
  (test-suite ":std/misc/lru"
    (test-case "eviction in least recently used order"
      (def c (make-lru-cache 2))
      (lru-cache-put! c 'a 1)
      (lru-cache-put! c 'b 2)
      (check (lru-cache-get c 'a) => 1)
      (lru-cache-put! c 'c 3)
      (check (lru-cache->list c) => '((c . 3) (a . 1)))
      (check (lru-cache-get c 'b) => #f)
      (check (lru-cache-size c) => 2)
      (check-exception (lru-cache-ref c 'b) true)
      (check (lru-cache-size (lru-cache-flush! c)) => 0))))
