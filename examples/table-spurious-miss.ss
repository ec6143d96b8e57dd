;;; Seed bug (d), its second face: a reader misses a key that is in the table. Gerbil's rehash
;;; installs a new, empty vector first and only then re-inserts the entries (reference section 1);
;;; under --locks none a lookup that runs in that window finds nothing, though no one removed the
;;; key. The reader looks key 0 up while a writer's inserts make the table grow.
;;;
;;;   ./safepoint explore examples/table-spurious-miss.ss --locks none -p 2        (found)
;;;   ./safepoint explore examples/table-spurious-miss.ss --locks lock-free-reads -p 2  (passes:
;;;                   a rehash builds its vector aside and publishes it whole; reads take no lock)
;;;
;;; Every other policy but none passes too: global and per-table take the lock for reads as well.

(define table (make-hash-table-eqv size: 2))   ; 16 slots: the writer's 5th insert rehashes
(hash-put! table 0 'present)

(define (reader)
  (let loop ((i 0))
    (when (< i 40)
      (unless (hash-get table 0) (error "spurious miss: key 0 is in the table, but hash-get found nothing"))
      (loop (+ i 1)))))

(define (writer)
  (let loop ((k 1))
    (when (< k 40)
      (hash-put! table k k)
      (loop (+ k 1)))))

(define r (make-thread reader 'reader))
(define w (make-thread writer 'writer))
(thread-start! r)
(thread-start! w)
(thread-join! r)
(thread-join! w)
(display (hash-length table))
(newline)
