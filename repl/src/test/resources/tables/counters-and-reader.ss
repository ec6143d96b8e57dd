;;; A small program for the policies' dfs proofs (TablePoliciesDfsTest): two writers count into
;;; one table with hash-update! (a read-modify-write), one also removes a key it put, the other
;;; puts enough keys to rehash the table (size: 2 is 16 slots: the 6th insert rehashes), while
;;; the primordial thread reads. Every read must see an absent key or its whole value, and the
;;; count and the entries must be exact at the end. Under --locks none dfs breaks it at once.

(define t (make-hash-table-eqv size: 2))

(define (bump k) (hash-update! t k (lambda (n) (+ n 1)) 0))

(define a (make-thread (lambda () (bump 'hits) (hash-put! t 1 10) (bump 'hits) (hash-remove! t 1)) 'a))
(define b (make-thread (lambda () (for-each (lambda (k) (hash-put! t k (* k 10))) '(2 3 4 5)) (bump 'hits)) 'b))
(thread-start! a)
(thread-start! b)
(for-each (lambda (k)
            (let ((v (hash-get t k)))
              (unless (or (not v) (eqv? v (* k 10))) (error "torn read:" k v))))
          '(1 2 3 4 5))
(thread-join! a)
(thread-join! b)
(unless (eqv? (hash-ref t 'hits) 3) (error "lost count:" (hash-ref t 'hits)))
(unless (equal? (map (lambda (k) (hash-get t k)) '(1 2 3 4 5)) '(#f 20 30 40 50))
  (error "wrong entries:" (hash->list t)))
(display (hash-length t))
(newline)
