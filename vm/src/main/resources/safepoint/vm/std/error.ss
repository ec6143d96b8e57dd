;;; :std/error -- Gerbil's exception and error classes (doc/reference/std/errors.md in the Gerbil
;;; repository), written from that page: Exception, RuntimeException, StackTrace, Error and the
;;; standard error classes with their predicates and aliases; error and raise redefined so that an
;;; error is an Error instance; the raise-... helpers, check-argument, BUG, deferror-class; and the
;;; stack-trace and exit-on-error utilities.
;;;
;;; Safepoint's differences: a StackTrace's continuation slot is filled by raise, but what a
;;; backtrace shows is the debugger's (,b at the level the error opens), so display-exception
;;; prints no stack; error-message, error-irritants, error-trace, display-exception and
;;; error-object? work on Error instances, on the runtime's own conditions, and on a
;;; RuntimeException wrapping one, as Gerbil's do. Handlers get what was raised: the pages say
;;; where a RuntimeException may be made (its class), not that Gerbil's catch forms make one, so
;;; Safepoint's do not wrap (a runtime error reaches a catch as gsi raises it).

(export Exception::t Error::t StackTrace::t RuntimeException::t ContractViolation::t BadArgument::t IOError::t
        PrematureEndOfInput::t IOClosed::t Timeout::t ContextError::t UnboundKey::t BugError::t
        Exception Exception? RuntimeException RuntimeException? RuntimeException-exception
        StackTrace StackTrace? StackTrace-continuation
        Error Error? Error-message Error-irritants Error-where
        ContractViolation ContractViolation? contract-violation-error?
        BadArgument BadArgument? bad-argument-error?
        IOError IOError? io-error?
        PrematureEndOfInput PrematureEndOfInput? premature-end-of-input-error?
        IOClosed IOClosed? io-closed-error?
        Timeout Timeout? timeout-error?
        ContextError ContextError? context-error?
        UnboundKey UnboundKey? unbound-key-error?
        BugError BugError? is-it-bug? BUG
        check-argument raise-contract-violation raise-bad-argument raise-io-error raise-premature-end-of-input
        raise-io-closed raise-timeout raise-context-error raise-key-error raise-unbound-key-error
        deferror-class
        with-exception-stack-trace dump-stack-trace? dump-stack-trace! exit-with-error exit-on-error?
        call-with-exit-on-error with-exit-on-error
        error? exception? error-trace
        (rename-out (%error error) (%raise raise) (%error-message error-message)
                    (%error-irritants error-irritants) (%error-object? error-object?)
                    (%error-object-message error-object-message) (%error-object-irritants error-object-irritants)))

;; ---- the root of the hierarchy -------------------------------------------------------------

(defclass Exception ())
(defclass (RuntimeException Exception) (exception))
(defclass StackTrace (continuation))

(defclass (Error StackTrace) (message irritants where) constructor: :init!)

;; (Error message irritants: [] where: #f), also the base constructor of every error class.
(defmethod {:init! Error}
  (lambda (self message irritants: (irritants []) where: (where #f))
    (set! (@ self message) message)
    (set! (@ self irritants) irritants)
    (set! (@ self where) where)))

;; "[Class]: message", then the irritants on a line of their own, as Gerbil shows an error.
(defmethod {display-exception Error}
  (lambda (self port)
    (display "[" port)
    (display (##type-name (object-type self)) port)
    (display "]: " port)
    (display (@ self message) port)
    (let ((irritants (@ self irritants)))
      (when (pair? irritants)
        (newline port)
        (display "--- irritants:" port)
        (for-each (lambda (x) (display " " port) (write x port)) irritants)))
    (newline port)))

;; ---- the standard error classes --------------------------------------------------------------

;; (deferror-class Class slots predicate-alias) or (deferror-class (Class Super ...) slots predicate-alias):
;; a class extending Error (or the supers), built by Error's constructor, and an alias of its predicate.
(defrules deferror-class ()
  ((_ (klass super ...) (slot ...) alias)
   (begin
     (defclass (klass super ... Error) (slot ...) constructor: :init!)
     (def (alias obj) (%instance-of? obj klass))))
  ((_ (klass super ...) (slot ...))
   (defclass (klass super ... Error) (slot ...) constructor: :init!))
  ((_ klass (slot ...) alias)
   (deferror-class (klass) (slot ...) alias))
  ((_ klass (slot ...))
   (deferror-class (klass) (slot ...)))
  ((_ klass)
   (deferror-class (klass) ())))

(def (%instance-of? obj klass) (and (object-type obj) (memq klass (class-precedence-list (object-type obj))) #t))

(deferror-class ContractViolation () contract-violation-error?)
(deferror-class (BadArgument ContractViolation) () bad-argument-error?)
(deferror-class IOError () io-error?)
(deferror-class (PrematureEndOfInput IOError) () premature-end-of-input-error?)
(deferror-class (IOClosed IOError) () io-closed-error?)
(deferror-class Timeout () timeout-error?)
(deferror-class ContextError () context-error?)
(deferror-class UnboundKey () unbound-key-error?)
(deferror-class BugError () is-it-bug?)

;; ---- raising -----------------------------------------------------------------------------------

;; raise: a StackTrace gets the continuation of its first raise (a re-raise keeps it).
(def (%raise exn)
  (if (and (StackTrace? exn) (not (StackTrace-continuation exn)))
    (call/cc (lambda (k) (set! (@ exn continuation) k) (raise exn)))
    (raise exn)))

(def (%error message . irritants)
  (%raise (Error message irritants: irritants)))

(def (raise-contract-violation where contract . irritants)
  (%raise (ContractViolation "contract violation" where: where irritants: (cons contract irritants))))

(def (raise-bad-argument where expectation . irritants)
  (%raise (BadArgument (string-append "bad argument; expected " (%as-text expectation)) where: where irritants: irritants)))

(defrules check-argument ()
  ((_ expr expectation argument)
   (unless expr (raise-bad-argument 'check-argument expectation argument))))

(def (raise-io-error where message . irritants) (%raise (IOError message where: where irritants: irritants)))
(def (raise-premature-end-of-input where . irritants)
  (%raise (PrematureEndOfInput "premature end of input" where: where irritants: irritants)))
(def (raise-io-closed where message . irritants) (%raise (IOClosed message where: where irritants: irritants)))
(def (raise-timeout where message . irritants) (%raise (Timeout message where: where irritants: irritants)))
(def (raise-context-error where message . irritants) (%raise (ContextError message where: where irritants: irritants)))
(def (raise-key-error where message . irritants) (%raise (UnboundKey message where: where irritants: irritants)))
(def (raise-unbound-key-error where message . irritants) (%raise (UnboundKey message where: where irritants: irritants)))
(def (BUG where message . irritants) (%raise (BugError message where: where irritants: irritants)))

(def (%as-text x) (if (string? x) x (call-with-output-string (lambda (p) (display x p)))))

;; ---- asking about errors, Gerbil's and the runtime's alike ------------------------------------
;; A RuntimeException is seen through to the runtime's exception it wraps (errors.md: "the
;; original exception is available at the exception slot"); error-message of what is no error
;; is its display-exception text, error-irritants and error-trace #f (exception-objects.md).

(def (%unwrapped e) (if (RuntimeException? e) (RuntimeException-exception e) e))

(def (error? obj) (let ((e (%unwrapped obj))) (or (Error? e) (##condition? e))))
(def (exception? obj) (or (Exception? obj) (error? obj)))
(def (%error-object? obj) (error? obj))
(def (%error-message obj)
  (let ((e (%unwrapped obj)))
    (cond ((Error? e) (Error-message e))
          ((##condition? e) (error-object-message e))
          (else (call-with-output-string (lambda (p) (display-exception e p)))))))
(def (%error-irritants obj)
  (let ((e (%unwrapped obj)))
    (cond ((Error? e) (Error-irritants e))
          ((##condition? e) (error-object-irritants e))
          (else #f))))
;; R7RS's error-object-message and -irritants: for an error object (here any error?), else the
;; runtime's own complaint.
(def (%error-object-message e) (if (error? e) (%error-message e) (error-object-message e)))
(def (%error-object-irritants e) (if (error? e) (%error-irritants e) (error-object-irritants e)))
(def (error-trace e) (and (StackTrace? e) (StackTrace-continuation e)))

;; A wrapped runtime exception shows as the runtime shows it.
(defmethod {display-exception RuntimeException}
  (lambda (self port) (display-exception (RuntimeException-exception self) port)))

;; ---- stack traces and exiting on errors --------------------------------------------------------

(def dump-stack-trace? (make-parameter #t))

;; The exception, shown as display-exception shows it (Safepoint's backtraces are the debugger's).
(def (dump-stack-trace! cont exn (error-port (current-error-port)))
  (display-exception exn error-port))

(def (with-exception-stack-trace thunk (error-port (current-error-port)))
  (with-exception-handler
   (lambda (e)
     (when (dump-stack-trace?) (dump-stack-trace! #f e error-port))
     (%raise e))
   thunk))

(def exit-on-error? (make-parameter #t))

(def (exit-with-error e)
  (display-exception e (current-error-port))
  (exit 2))

(def (call-with-exit-on-error thunk)
  (with-catch (lambda (e) (if (exit-on-error?) (exit-with-error e) (%raise e))) thunk))

(defrules with-exit-on-error ()
  ((_ body ...) (call-with-exit-on-error (lambda () body ...))))
