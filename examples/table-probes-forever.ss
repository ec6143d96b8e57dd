;;; Seed bug (d), its third face: unlocked writers drift the counters until no entry is unused,
;;; and then a lookup of a missing key probes for ever. The table has 4 entries (size: 1); a set
;;; rehashes first when fewer than 2 are free. Under --locks none both writers' second sets can
;;; read free = 2 before either writes it back, so neither rehashes and the 4 inserts fill every
;;; entry; the reader's lookup of 99 then walks the full vector round and round.
;;;
;;;   ./safepoint explore examples/table-probes-forever.ss --locks none -p 2   a proven hang:
;;;                                          the main thread probes the full table for ever
;;;   ./safepoint explore examples/table-probes-forever.ss -p 2                passes (per-table)

(define registry (make-hash-table-eqv size: 1))   ; 8 slots: 4 entries

(define (writer keys)
  (lambda () (for-each (lambda (k) (hash-put! registry k k)) keys)))

(define writers
  (list (make-thread (writer '(1 2)) 'a)
        (make-thread (writer '(11 12)) 'b)))
(for-each thread-start! writers)
(for-each thread-join! writers)

(display (hash-get registry 99))   ; a missing key: it ends at an unused entry, if one is left
(newline)
