;;; :std/misc/barrier -- thread barriers (doc/reference/std/misc/barrier.md in the Gerbil
;;; repository): barrier-wait! blocks until the barrier has been posted its limit of times, or
;;; an error has been signalled on it, which every waiter then raises. (Not the GC's barrier:
;;; this one is a program's, a mutex and a condition variable, each wait and wake a scheduling point.)

(export (rename-out (%make-barrier make-barrier)) barrier? barrier-wait! barrier-post! barrier-error!
        with-barrier-error barrier barrier::t barrier-mutex barrier-cond-var barrier-count barrier-limit barrier-ex)

;; (with ((barrier mut cond-var count limit ex) b) ...) destructures one, as the page shows.
(defstruct barrier (mutex cond-var count limit ex))

(def (%make-barrier n)
  (unless (and (fixnum? n) (>= n 0)) (error "make-barrier: the limit must be a non-negative fixnum" n))
  (make-barrier (make-mutex 'barrier) (make-condition-variable 'barrier) 0 n #f))

(def (%check b who)
  (unless (barrier? b) (error (string-append (symbol->string who) ": not a barrier") b)))

(def (%ready? b) (or (barrier-ex b) (>= (barrier-count b) (barrier-limit b))))

(def (barrier-wait! b)
  (%check b 'barrier-wait!)
  (let ((mx (barrier-mutex b)))
    (mutex-lock! mx)
    (let loop ()
      (unless (%ready? b)
        (mutex-unlock! mx (barrier-cond-var b)) ; waits, then takes the mutex again below
        (mutex-lock! mx)
        (loop)))
    (let ((ex (barrier-ex b)))
      (mutex-unlock! mx)
      (if ex (raise ex) (void)))))

(def (%signal! b change)
  (let ((mx (barrier-mutex b)))
    (mutex-lock! mx)
    (change)
    (when (%ready? b) (condition-variable-broadcast! (barrier-cond-var b)))
    (mutex-unlock! mx)))

(def (barrier-post! b)
  (%check b 'barrier-post!)
  (%signal! b (lambda () (barrier-count-set! b (+ 1 (barrier-count b))))))

(def (barrier-error! b obj)
  (%check b 'barrier-error!)
  (%signal! b (lambda () (barrier-ex-set! b obj))))

;; body, with any error it raises also signalled on the barrier, then raised on.
(defrules with-barrier-error ()
  ((_ b body ...)
   (let ((bb b))
     (with-catch (lambda (e) (barrier-error! bb e) (raise e)) (lambda () body ...)))))
