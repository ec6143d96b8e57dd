;;; Seed bug 5a with tables (reference section 5, issue 14 demo (a)): under --locks global
;;; (Gerbil PR #1416's one __raw-table-lock around every table operation, reads included) the
;;; writer's rehash allocates its new vector while holding the lock; on a small heap that
;;; allocation requests a GC, and the writer stops at the barrier still holding the lock. The
;;; reader's lookup was compiled without polls, so its wait for the lock spins without polls: its
;;; processor never reaches the barrier, and the holder can never run to release the lock.
;;;
;;;   ./safepoint explore examples/table-global-lock-barrier.ss --locks global -p 2 --heap 256k
;;;                   finds the deadlock; its report names the lock, the holder parked at the
;;;                   safepoint, the spinner without polls and the GC barrier
;;;   ./safepoint explore examples/table-global-lock-barrier.ss -p 2 --heap 256k     passes:
;;;                   per-table allocates the rehash's vector before locking, and its wait polls
;;; The other fix keeps the global lock and lets the wait poll: without the two declare lines
;;; below, the reader's processor reaches the barrier at its next poll, the GC runs, and the
;;; writer goes on and releases the lock (TableBarrierDemoTest runs that copy under global).

(define table (make-hash-table-eqv size: 2))   ; grows by rehashing as the writer fills it
(define peeking #f)

(declare (not interrupts-enabled))   ; like Gerbil's inlined __lock-inline!: no polls
(define (peek k) (hash-get table k))
(declare (interrupts-enabled))

(define (reader)
  (let loop ((k 0))
    (when (< k 2000)
      (set! peeking #t)
      (peek k)
      (loop (+ k 1)))))

(define (writer)
  (let loop ((k 0))
    (when (< k 4000)
      (hash-put! table k k)
      (loop (+ k 1)))))

(define r (make-thread reader 'reader))
(define w (make-thread writer 'writer))
(thread-start! r)
(let wait () (unless peeking (thread-yield!) (wait)))   ; the reader is reading
(thread-start! w)
(thread-join! w)
(thread-join! r)
(display (hash-length table))
(newline)
