;;; :std/misc/rbtree (doc/reference/std/misc/rbtree.md): the API, and the red-black invariants
;;; after every operation of a long pseudo-random run (a fixed linear congruential sequence).
(import :std/test :std/error :std/misc/rbtree :std/iter :std/sort)
(export rbtree-test)

(def (lcg seed) (modulo (+ (* seed 1103515245) 12345) 2147483648))

(def rbtree-test
  (test-suite ":std/misc/rbtree"
    (test-case "puts, updates and removes, destructive and functional"
      ;; the type is a constructor too, with make-rbtree's arguments
      (def t0 (rbtree -))
      (check (rbtree-empty? t0) => #t)
      (rbtree-put! t0 2 'b)
      (check (rbtree->list t0) => '((2 . b)))
      (check-exception (rbtree 'not-a-procedure) error-object?)
      (def t (list->rbtree - '((5 . e) (1 . a) (3 . c))))
      (check (rbtree->list t) => '((1 . a) (3 . c) (5 . e)))
      (def t2 (rbtree-put t 2 'b))
      (check (rbtree->list t2) => '((1 . a) (2 . b) (3 . c) (5 . e)))
      (check (rbtree-get t 2) => #f)
      (rbtree-update! t 5 (lambda (v) (list v v)))
      (check (rbtree-ref t 5) => '(e e))
      (check (eq? (rbtree-remove t 42) t) => #t)
      (rbtree-remove! t 1)
      (check (rbtree->listr t) => '((5 . (e e)) (3 . c)))
      (check-exception (rbtree-ref t 1) true))
    (test-case "folds, for-each and iterators in key order"
      (def t (list->rbtree string-cmp '(("b" . 2) ("a" . 1) ("c" . 3))))
      (check (rbtree-fold (lambda (k v acc) (cons k acc)) '() t) => '("c" "b" "a"))
      (check (rbtree-foldr (lambda (k v acc) (cons k acc)) '() t) => '("a" "b" "c"))
      (check (for/collect (v (in-rbtree-values t)) v) => '(1 2 3))
      (check (for/collect (k (in-rbtree-keys t)) k) => '("a" "b" "c")))
    (test-case "the invariants hold after each of 3000 operations, and the tree is a sorted map"
      (def t (make-rbtree -))
      (def model (make-hash-table))
      (let loop ((i 0) (seed 42))
        (when (< i 3000)
          (let* ((s1 (lcg seed)) (s2 (lcg s1)) (key (modulo (quotient s2 65536) 200)))
            (if (< (modulo (quotient s1 65536) 3) 2)
              (begin (rbtree-put! t key i) (hash-put! model key i))
              (begin (rbtree-remove! t key) (hash-remove! model key)))
            (check (%rbtree-invariant-violation t) => #f)
            (loop (+ i 1) s2))))
      (check (rbtree->list t) => (sort (hash->list model) (lambda (a b) (< (car a) (car b))))))
    (test-case "comparisons"
      (check (string-cmp "gambit" "gerbil") => -4)
      (check (string-cmp "aa" "aaaa") => -2)
      (check (symbol-cmp 'b 'a) => 1))))
