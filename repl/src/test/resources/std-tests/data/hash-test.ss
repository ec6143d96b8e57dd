;;; :std/misc/hash (doc/reference/std/misc/hash.md)
(import :std/test :std/misc/hash)
(export hash-test)
(def hash-test
  (test-suite ":std/misc/hash"
    (test-case "defaults, ensure and the setters"
      (def h (hash (a 1)))
      (check (hash-ref/default h 'b (lambda () 'd)) => 'd)
      (check (hash-key? h 'b) => #f)
      (check (hash-ensure-ref h 'b (lambda () 'd)) => 'd)
      (check (hash-get h 'b) => 'd)
      (set! (hash-ref h 'c) 3)
      (check (hash-get h 'c) => 3)
      (check (hash-ensure-modify! h 'n (lambda () 0) 1+) => 1)
      (check (values->list (hash-ensure-removed! h 'n)) => '(1 #t)))
    (test-case "new tables"
      (check (hash->list/sort (hash (3 "c") (1 "a")) <) => '((1 . "a") (3 . "c")))
      (check (hash->list/sort (invert-hash (hash (a 1) (b 2))) <) => '((1 . a) (2 . b)))
      (check (hash->list/sort (hash-filter (hash (1 1) (2 2)) (lambda (k v) (odd? k))) <) => '((1 . 1)))
      (check (hash->list/sort (hash-merge/override (hash (1 'a)) (hash (1 'b))) <) => '((1 . b)))
      (check (hash-empty? (hash)) => #t))))
