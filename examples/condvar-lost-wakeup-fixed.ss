;;; The fix of examples/condvar-lost-wakeup.ss (gambit 78105346): the broadcast unlinks the
;;; device only after its last waiter moved. When a trylock fails part-way, the device stays in
;;; the list and the poller's next pass moves the rest: no wakeup is lost.
;;;
;;;   ./safepoint explore examples/condvar-lost-wakeup-fixed.ss        passes 1,000 schedules

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
  (let move ()
    (unless (null? (device-waiters dev))
      (let ((tlock (car (device-waiters dev))))
        (when (mutex-lock! tlock 0)               ; trylock: #f when another thread holds it
          (condition-variable-signal! (device-cv dev))
          (device-waiters-set! dev (cdr (device-waiters dev)))
          (mutex-unlock! tlock)
          (move)))))
  (when (null? (device-waiters dev)) (unlink! dev))   ; the fix: only once every waiter moved
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
