;;; :std/misc/completion -- asynchronous completions (doc/reference/std/misc/completion.md in the
;;; Gerbil repository): a value or an error posted once, which every waiting thread receives.
;;; Written with a mutex and a condition variable, so in controlled mode each wait, post and wake
;;; is a scheduling point that explore and the paused world step through.

(export (rename-out (%make-completion make-completion)) completion? completion-ready?
        completion-wait! completion-post! completion-error! with-completion-error
        completion completion::t completion-mutex completion-cond-var completion-val completion-ex)

;; (with ((completion mut cond-var ready? val ex) c) ...) destructures one, as the page shows.
(defstruct completion (mutex cond-var ready? val ex))

(def (%make-completion (name #f))
  (make-completion (make-mutex name) (make-condition-variable name) #f #f #f))

(def (%check c who)
  (unless (completion? c) (error (string-append (symbol->string who) ": not a completion") c)))

;; Blocks until the completion is posted or errored: then its value, or its error raised.
(def (completion-wait! c)
  (%check c 'completion-wait!)
  (let ((mx (completion-mutex c)))
    (mutex-lock! mx)
    (let loop ()
      (unless (completion-ready? c)
        (mutex-unlock! mx (completion-cond-var c)) ; waits, then takes the mutex again below
        (mutex-lock! mx)
        (loop)))
    (let ((ex (completion-ex c)) (val (completion-val c)))
      (mutex-unlock! mx)
      (if ex (raise ex) val))))

(def (%complete! c who val ex)
  (%check c who)
  (let ((mx (completion-mutex c)))
    (mutex-lock! mx)
    (when (completion-ready? c)
      (mutex-unlock! mx)
      (error "Completion has already been posted" c))
    (completion-ready?-set! c #t)
    (completion-val-set! c val)
    (completion-ex-set! c ex)
    (condition-variable-broadcast! (completion-cond-var c))
    (mutex-unlock! mx)))

(def (completion-post! c (val (void))) (%complete! c 'completion-post! val #f))

(def (completion-error! c obj) (%complete! c 'completion-error! #f obj))

;; body, with any error it raises also posted to the completion, then raised on.
(defrules with-completion-error ()
  ((_ c body ...)
   (let ((cc c))
     (with-catch (lambda (e) (completion-error! cc e) (raise e)) (lambda () body ...)))))
