;;; The trap of a writer-preferring rwlock (the issue's broken use): a reader that takes the read
;;; lock again while a writer waits. The writer waits for the reader to finish; the reader's
;;; second read waits behind the writer. `./safepoint explore examples/rwlock-reread.ss -p 2`
;;; finds the schedule where the writer arrives between the two reads, and proves the deadlock.
;;; The fix is to read once (take the lock once and do both reads under it).

(import :std/misc/rwlock)

(def l (make-rwlock 'config))
(def value 1)
(def (read-twice)
  (with-read-lock l
    (lambda ()
      (let ((first value))
        (with-read-lock l (lambda () (+ first value)))))))
(def r (spawn/name 'reader read-twice))
(def w (spawn/name 'writer (lambda () (with-write-lock l (lambda () (set! value 2))))))
(displayln (list (thread-join! r) (thread-join! w)))
