;;; :std/coroutine (doc/reference/std/coroutine.md in the Gerbil repository): continuation-based
;;; coroutines and thread-based cothreads, both resumed with `continue` and answered by `yield`.
;;;
;;; A coroutine keeps the continuation to resume its body and the continuation of the latest
;;; `continue`, to which `yield` (or the body's end) returns.
;;;
;;; A cothread is a green thread of its own, started by the first `continue`, that runs only while
;;; its continuer waits: a `continue` hands it the arguments and waits for its next `yield` (or its
;;; end); a `yield` hands the values back and waits for the next `continue`. Concurrency rule: the
;;; two slots (inbox to the cothread, outbox from it) and done? are read and written only under the
;;; cothread's mutex; each side waits on its condition variable, so in controlled mode every handoff
;;; is a scheduling point. Its body has a dynamic scope of its own (the page's reason for
;;; cothreads): a `yield` inside a `dynamic-wind` or `unwind-protect` leaves nothing.
;;;
;;; `yield` answers the innermost `continue`: the current-coroutine parameter holds the coroutine or
;;; cothread being run.
(export coroutine coroutine? cothread cothread? cothread-stop! continue yield)

(def current-coroutine (make-parameter #f))

(defstruct co (resume return done))

(def (coroutine proc . args)
  (let (c (make-co #f #f #f))
    (set! (co-resume c)
      (lambda ignored
        (let (result (apply proc args))
          (set! (co-done c) #t)
          ((co-return c) result))))
    c))

(def (coroutine? x) (co? x))

(defstruct %cothread (proc args thread mutex cv inbox outbox done?))

(def (cothread proc . args)
  (unless (procedure? proc) (error "cothread: not a procedure" proc))
  (make-%cothread proc args #f (make-mutex 'cothread) (make-condition-variable 'cothread) #f #f #f))

(def (cothread? x) (%cothread? x))

;; Waits on ct's condition variable until (ready?) holds; ct's mutex is held before and after.
(def (%await ct ready?)
  (let loop ()
    (unless (ready?)
      (mutex-unlock! (%cothread-mutex ct) (%cothread-cv ct))
      (mutex-lock! (%cothread-mutex ct))
      (loop))))

;; What the cothread's body sends back: (values . vals), or (raise . exception) when it failed.
(def (%send-out! ct out)
  (%cothread-outbox-set! ct out)
  (condition-variable-broadcast! (%cothread-cv ct)))

(def (%body ct)
  (lambda ()
    (mutex-lock! (%cothread-mutex ct))
    (%await ct (lambda () (%cothread-inbox ct)))
    (%cothread-inbox-set! ct #f) ; the first continue's arguments are ignored (the page)
    (mutex-unlock! (%cothread-mutex ct))
    (let ((out (with-catch (lambda (e) (cons 'raise e))
                           (lambda ()
                             (parameterize ((current-coroutine ct))
                               (list 'values (apply (%cothread-proc ct) (%cothread-args ct))))))))
      (mutex-lock! (%cothread-mutex ct))
      (%cothread-done?-set! ct #t)
      (%send-out! ct out)
      (mutex-unlock! (%cothread-mutex ct)))))

(def (%continue-cothread ct vals)
  (let ((mx (%cothread-mutex ct)))
    (mutex-lock! mx)
    (when (%cothread-done? ct)
      (mutex-unlock! mx)
      (error "continue: the cothread has finished" ct))
    (unless (%cothread-thread ct)
      (%cothread-thread-set! ct (thread-start! (make-thread (%body ct) 'cothread))))
    (%cothread-inbox-set! ct vals)
    (condition-variable-broadcast! (%cothread-cv ct))
    (%await ct (lambda () (%cothread-outbox ct)))
    (let ((out (%cothread-outbox ct)))
      (%cothread-outbox-set! ct #f)
      (mutex-unlock! mx)
      (if (eq? (car out) 'raise) (raise (cdr out)) (apply values (cdr out))))))

(def (%yield-cothread ct vals)
  (let ((mx (%cothread-mutex ct)))
    (mutex-lock! mx)
    (%send-out! ct (cons 'values vals))
    (%await ct (lambda () (%cothread-inbox ct)))
    (let ((in (%cothread-inbox ct)))
      (%cothread-inbox-set! ct #f)
      (mutex-unlock! mx)
      (apply values in))))

;; Ends the cothread's thread; a later continue is an error.
(def (cothread-stop! ct)
  (unless (%cothread? ct) (error "cothread-stop!: not a cothread" ct))
  (mutex-lock! (%cothread-mutex ct))
  (%cothread-done?-set! ct #t)
  (let ((t (%cothread-thread ct)))
    (mutex-unlock! (%cothread-mutex ct))
    (when t (thread-terminate! t))
    (void)))

(def (continue c . vals)
  (cond
   ((%cothread? c) (%continue-cothread c vals))
   ((co? c)
    (when (co-done c) (error "continue: the coroutine has finished" c))
    (call/cc
     (lambda (return)
       (set! (co-return c) return)
       (parameterize ((current-coroutine c))
         (apply (co-resume c) vals)))))
   (else (error "continue: not a coroutine or cothread" c))))

(def (yield . vals)
  (let (c (current-coroutine))
    (cond
     ((not c) (error "yield: not inside a coroutine or cothread"))
     ((%cothread? c) (%yield-cothread c vals))
     (else
      (call/cc
       (lambda (k)
         (set! (co-resume c) (lambda args (apply k args)))
         (apply (co-return c) vals)))))))
