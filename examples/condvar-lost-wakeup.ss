;;; Seed bug (f): a condition-variable broadcast that loses a wakeup (Gambit's
;;; ##device-condvar-broadcast-with-processor-locked!, fixed in gambit 78105346).
;;;
;;; A poller keeps a list of devices, each a condition variable with threads waiting on it,
;;; and on each pass moves every waiter back to the run queue. Moving a waiter needs its thread
;;; lock, taken with a trylock: when another processor holds it, the poller gives up and
;;; retries on its next pass. The bug: the broadcast unlinked the device from the list *before*
;;; moving the waiters. When a trylock failed part-way, the waiters left behind still waited on
;;; a condition variable that no list, and so no thread, could reach: nothing would ever signal
;;; it again. They wait forever.
;;;
;;; Walkthrough:
;;;   ./safepoint explore examples/condvar-lost-wakeup.ss
;;;       finds a schedule where the inspector holds a waiter's thread lock at the poller's
;;;       trylock; the report shows the waiter on #<condition-variable io> and says that no
;;;       live thread can signal it (a lost wakeup).
;;; The fix, examples/condvar-lost-wakeup-fixed.ss: unlink only after the last waiter moved.

(define devices '())                    ; the poller's device list
(define devices-lock (make-mutex 'devices))

(define (link! dev)
  (mutex-lock! devices-lock)
  (unless (memq dev devices) (set! devices (cons dev devices)))
  (mutex-unlock! devices-lock))

(define (unlink! dev)
  (mutex-lock! devices-lock)
  (set! devices (let drop ((l devices)) (cond ((null? l) '()) ((eq? (car l) dev) (cdr l)) (else (cons (car l) (drop (cdr l)))))))
  (mutex-unlock! devices-lock))

;; A device: its condition variable, the mutex that goes with it, and the thread locks of the
;; threads waiting on it.
(define (device-cv dev) (vector-ref dev 0))
(define (device-mutex dev) (vector-ref dev 1))
(define (device-waiters dev) (vector-ref dev 2))
(define (device-waiters-set! dev l) (vector-set! dev 2 l))

;; A waiter registers, tells main it is ready, and waits to be moved.
(define (waiter dev tlock main)
  (lambda ()
    (mutex-lock! (device-mutex dev))
    (device-waiters-set! dev (append (device-waiters dev) (list tlock)))
    (link! dev)
    (thread-send main 'ready)
    (mutex-unlock! (device-mutex dev) (device-cv dev))   ; wait
    'woken))

;; One broadcast: move every waiter, or give up at the first thread lock someone else holds.
(define (broadcast! dev)
  (mutex-lock! (device-mutex dev))
  (unlink! dev)                                   ; BUG: unlinked before every waiter moved
  (let move ()
    (unless (null? (device-waiters dev))
      (let ((tlock (car (device-waiters dev))))
        (when (mutex-lock! tlock 0)               ; trylock: #f when another thread holds it
          (condition-variable-signal! (device-cv dev))
          (device-waiters-set! dev (cdr (device-waiters dev)))
          (mutex-unlock! tlock)
          (move)))))
  (mutex-unlock! (device-mutex dev)))

;; The poller passes over the device list until it is empty.
(define (poller)
  (let pass ()
    (unless (null? devices)
      (for-each broadcast! devices)
      (thread-sleep! .001)
      (pass))))

;; Another processor looking at the waiters takes their thread locks, briefly.
(define (inspector tlocks)
  (lambda ()
    (for-each (lambda (l) (mutex-lock! l) (trace-read 'waiter #t) (mutex-unlock! l)) tlocks)))

;; The device and its condition variable are made here and reachable only from the device list
;; and the waiters: once unlinked, only the waiters reach them.
(define (start-waiters n)
  (let ((dev (vector (make-condition-variable 'io) (make-mutex 'io) '()))
        (main (current-thread)))
    (let loop ((i 0) (threads '()) (tlocks '()))
      (if (= i n)
          (cons threads tlocks)
          (let ((tlock (make-mutex 'thread-lock)))
            (loop (+ i 1) (cons (spawn/name (string->symbol (string-append "waiter-" (number->string (+ i 1)))) (waiter dev tlock main)) threads) (cons tlock tlocks)))))))

(define started (start-waiters 2))
(thread-receive)                        ; both waiters are registered
(thread-receive)
(define helpers (list (spawn/name 'inspector (inspector (cdr started))) (spawn/name 'poller poller)))
(for-each thread-join! (car started))
(for-each thread-join! helpers)
(display "every waiter woke up")
(newline)
