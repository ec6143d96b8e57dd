;;; The fix of examples/table-unlocked-writers.ss that Gerbil itself offers: make-hash-table's
;;; lock: option wraps the table in a read/write lock (a mutex here), so even under --locks none
;;; the two writers take turns and every schedule keeps all eight keys:
;;;
;;;   ./safepoint explore examples/table-unlocked-writers-fixed.ss --locks none -p 2

(define registry (make-hash-table test: eqv? size: 2 lock: (make-mutex 'registry)))

(define (writer keys)
  (lambda () (for-each (lambda (k) (hash-put! registry k (* k k))) keys)))

(define writers
  (list (make-thread (writer '(1 2 3 4)) 'a)
        (make-thread (writer '(11 12 13 14)) 'b)))
(for-each thread-start! writers)
(for-each thread-join! writers)

(for-each (lambda (k)
            (unless (eqv? (hash-get registry k) (* k k)) (error "lost insert: key missing" k)))
          '(1 2 3 4 11 12 13 14))
(unless (= (hash-length registry) 8) (error "count drifted:" (hash-length registry)))
(display (hash-length registry))
(newline)
