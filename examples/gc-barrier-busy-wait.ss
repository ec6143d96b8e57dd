;;; 5a with a busy-wait written in Scheme instead of a spinlock: a thread waits for a flag in a
;;; loop compiled without polls; the thread that would set the flag asks for a GC first and parks
;;; at the safepoint. The barrier never completes, and no exact rule can prove it (the loop is
;;; ordinary code): the watchdog sees that nothing moves and reports, exit 3.
;;; `./safepoint -p 2 run examples/gc-barrier-busy-wait.ss`

(define flag #f)
(define waiting #f)

(declare (not interrupts-enabled))
(define (wait-for-flag)
  (set! waiting #t)
  (let loop () (if flag 'saw-the-flag (loop))))
(declare (interrupts-enabled))

(define waiter (spawn/name 'waiter wait-for-flag))
(let wait () (unless waiting (thread-yield!) (wait)))
(gc)                 ; the waiter's processor never polls, so this GC never starts
(set! flag #t)
(display (thread-join! waiter))
(newline)
