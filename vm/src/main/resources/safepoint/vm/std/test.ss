;;; :std/test -- Gerbil's testing library (doc/reference/std/test.md in the Gerbil repository:
;;; test-suite, test-case, check and its forms, check-output, check-predicate, check-exception),
;;; and the runner that Gerbil's test files call: run-tests!, run-test-suite!, test-report-summary!,
;;; test-result ('OK or 'FAILURE). Written here from that page and from how test files use it.
;;;
;;; A suite is made, not run: (test-suite desc case ...) keeps its cases in a thunk that
;;; run-tests! calls. A case runs its body at once (inside a suite being run, or on its own), and
;;; stops at its first failed check or uncaught error; the other cases go on. What each case did is
;;; printed as it ends, and the summary lists each suite's verdict.

(export test-suite test-case
        check checkf
        check-eq? check-not-eq? check-eqv? check-not-eqv? check-equal? check-not-equal?
        check-output check-predicate check-exception
        run-tests! run-test-suite! test-report-summary! test-result
        test-suite? test-suite-desc %run-test-file! %list-test-cases %explore-test-case!)

(defstruct %suite (desc thunk))
(def (test-suite? x) (%suite? x))
(def (test-suite-desc s) (%suite-desc s))

;; What a failed check raises inside its case: the check as written, what it saw, what it wanted.
(defstruct %failure (form value expected how))

;; What a check-exception saw raised, so that its failure shows it as an exception, while any
;; other value a check gave is written as it is.
(defstruct %raised (exception))

;; The case being run: a vector #(checks-passed); #f outside every case.
(def %current-case (make-parameter #f))
;; The suite being run: a vector #(desc failed-cases); #f outside every suite.
(def %current-suite (make-parameter #f))
;; Each suite's verdict, most recent first: (desc . OK|FAILURE); and whether a stray check failed.
(def %verdicts '())
(def %stray-failure #f)

(defrules test-suite ()
  ((_ desc case ...) (make-%suite desc (lambda () case ... (void)))))

(defrules test-case ()
  ((_ desc body ...) (%run-case desc (lambda () body ... (void)))))

(defrules check (=> ? ::)
  ((_ expr => value :: eqf) (%check 'expr (lambda () expr) eqf value 'eqf))
  ((_ expr => value) (%check 'expr (lambda () expr) equal? value "equal?"))
  ((_ expr ? pred) (%check-predicate 'expr (lambda () expr) pred 'pred))
  ((_ eqf expr value) (%check 'expr (lambda () expr) eqf value 'eqf)))

(defrules checkf ()
  ((_ eqf expr value) (%check 'expr (lambda () expr) eqf value 'eqf)))

(defrules check-eq? () ((_ expr value) (%check 'expr (lambda () expr) eq? value "eq?")))
(defrules check-eqv? () ((_ expr value) (%check 'expr (lambda () expr) eqv? value "eqv?")))
(defrules check-equal? () ((_ expr value) (%check 'expr (lambda () expr) equal? value "equal?")))
(defrules check-not-eq? () ((_ expr value) (%check 'expr (lambda () expr) (lambda (a b) (not (eq? a b))) value "not eq?")))
(defrules check-not-eqv? () ((_ expr value) (%check 'expr (lambda () expr) (lambda (a b) (not (eqv? a b))) value "not eqv?")))
(defrules check-not-equal? () ((_ expr value) (%check 'expr (lambda () expr) (lambda (a b) (not (equal? a b))) value "not equal?")))

(defrules check-output ()
  ((_ expr output) (%check 'expr (lambda () (with-output-to-string (lambda () expr))) equal? output "output")))

(defrules check-predicate ()
  ((_ expr pred) (%check-predicate 'expr (lambda () expr) pred 'pred)))

(defrules check-exception ()
  ((_ expr pred) (%check-exception 'expr (lambda () expr) pred 'pred)))

(def (%passed!)
  (let ((c (%current-case)))
    (when c (vector-set! c 0 (+ 1 (vector-ref c 0))))))

(def (%fail! form value expected how)
  (let ((f (make-%failure form value expected how)))
    (if (%current-case)
      (raise f)
      (begin
        (set! %stray-failure #t)
        (%show-failure f)
        #f))))

(def (%check form thunk eqf expected how)
  (let ((v (thunk)))
    (if (eqf v expected) (%passed!) (%fail! form v expected how))))

(def (%check-predicate form thunk pred how)
  (let ((v (thunk)))
    (if (pred v) (%passed!) (%fail! form v pred how))))

(def (%check-exception form thunk pred how)
  (let* ((none (list 'none))
         (caught (with-catch (lambda (e) (list e)) (lambda () (thunk) none))))
    (cond
     ((eq? caught none) (%fail! form 'no-exception pred how))
     ((pred (car caught)) (%passed!))
     (else (%fail! form (make-%raised (car caught)) pred how)))))

(def (%show-failure f)
  (let ((how (%failure-how f)))
    (display "*** FAILED ")
    (write (%failure-form f))
    (cond
     ((eq? (%failure-value f) 'no-exception)
      (display " raised no exception (wanted one satisfying ") (display how) (display ")"))
     ((procedure? (%failure-expected f))
      (display " gave ") (%show-value (%failure-value f)) (display ", which fails ") (display how))
     (else
      (display " gave ") (%show-value (%failure-value f))
      (display ", expected ") (write (%failure-expected f)) (display " (") (display how) (display ")")))
    (newline)))

(def (%show-value v)
  (if (%raised? v)
    (begin (display "the exception: ") (display (%exception-text (%raised-exception v))))
    (write v)))

(def (%exception-text e)
  (let ((text (call-with-output-string (lambda (p) (display-exception e p)))))
    ;; display-exception ends with a newline, and may use two lines; one line reads better here.
    (%one-line text)))

(def (%one-line s)
  (let loop ((cs (string->list s)) (out '()))
    (cond
     ((null? cs) (list->string (reverse (%trim-spaces out))))
     ((char=? (car cs) #\newline) (loop (cdr cs) (if (null? (cdr cs)) out (cons #\space (cons #\; out)))))
     (else (loop (cdr cs) (cons (car cs) out))))))

(def (%trim-spaces rev)
  (if (and (pair? rev) (char=? (car rev) #\space)) (%trim-spaces (cdr rev)) rev))

(def (%plural n word)
  (string-append (number->string n) " " word (if (= n 1) "" "s")))

;; How the cases of a suite run: #f, all of them; (list . descs), none, each desc consed on (the
;; listing `safepoint test --explore` asks for); a vector #(n seen outcome), only the n-th (from
;; 0), silently, its outcome kept (one case searched by explore).
(def %case-mode (make-parameter #f))

;; Run one case: its checks count, its first failure or error ends it. The lines for a case
;; that passes are gxtest's (doc/reference/dev/test.md): "Test case: D" then "... N checks OK".
(def (%run-case desc thunk)
  (let ((mode (%case-mode)))
    (cond
     ((not mode) (%run-case-reporting desc thunk))
     ((pair? mode) (set-cdr! mode (cons desc (cdr mode))))
     (else
      (let ((n (vector-ref mode 1)))
        (vector-set! mode 1 (+ n 1))
        (when (= n (vector-ref mode 0))
          (vector-set! mode 2 (with-catch (lambda (e) e)
                                          (lambda () (parameterize ((%current-case (vector 0)) (%case-mode #f)) (thunk)) 'ok)))))))))

(def (%run-case-reporting desc thunk)
  (let ((c (vector 0))
        (suite (%current-suite)))
    (display "Test case: ") (display desc) (newline)
    (let ((outcome (with-catch
                    (lambda (e) e)
                    (lambda () (parameterize ((%current-case c)) (thunk)) 'ok))))
      (cond
       ((eq? outcome 'ok)
        (display "... ") (display (vector-ref c 0)) (display " checks OK") (newline))
       ((%failure? outcome)
        (%show-failure outcome)
        (display "... ") (display (vector-ref c 0)) (display " checks OK, then one FAILED") (newline)
        (%case-failed! suite))
       (else
        (display "*** ERROR ") (display (%exception-text outcome)) (newline)
        (display "... ") (display (vector-ref c 0)) (display " checks OK, then an ERROR") (newline)
        (%case-failed! suite))))))

(def (%case-failed! suite)
  (if suite (vector-set! suite 1 (+ 1 (vector-ref suite 1))) (set! %stray-failure #t)))

(def (run-test-suite! suite)
  (unless (%suite? suite)
    (error "run-test-suite!: not a test suite (test-suite makes one)" suite))
  (let ((state (vector (%suite-desc suite) 0)))
    (display "Test suite: ") (display (%suite-desc suite)) (newline)
    (let ((error (with-catch (lambda (e) e)
                             (lambda () (parameterize ((%current-suite state)) ((%suite-thunk suite))) #f))))
      (when error
        (display "*** ERROR outside every test case: ") (display (%exception-text error)) (newline)
        (vector-set! state 1 (+ 1 (vector-ref state 1)))))
    (let ((failed (vector-ref state 1)))
      (if (= failed 0)
        (begin (display "... All tests OK") (newline))
        (begin (display "... ") (display failed) (display (if (= failed 1) " test FAILED" " tests FAILED")) (newline)))
      (set! %verdicts (cons (cons (%suite-desc suite) (if (= failed 0) 'OK 'FAILURE)) %verdicts)))
    (void)))

;; gxtest's run of one test file (doc/reference/dev/test.md): setup, each exported suite, cleanup
;; (unwind-protected), then the file's verdict; the exit status says it (0 OK, 1 FAILURE).
(def (%run-test-file! setup cleanup named-suites)
  (when setup
    (display ">>> setup") (newline)
    (setup))
  (unwind-protect
    (for-each (lambda (ns)
                (when (test-suite? (cdr ns))
                  (display ">>> run ") (display (car ns)) (newline)
                  (run-test-suite! (cdr ns))))
              named-suites)
    (when cleanup
      (display ">>> cleanup") (newline)
      (cleanup)))
  (display (test-result)) (newline)
  (exit (if (eq? (test-result) 'OK) 0 1)))

(def (run-tests! . suites)
  (for-each run-test-suite! suites))

(def (test-result)
  (if (or %stray-failure (assq-failure %verdicts)) 'FAILURE 'OK))

(def (assq-failure verdicts)
  (and (pair? verdicts) (or (eq? (cdar verdicts) 'FAILURE) (assq-failure (cdr verdicts)))))

(def (test-report-summary!)
  (display "--- Test summary") (newline)
  (for-each (lambda (v) (display (car v)) (display ": ") (display (cdr v)) (newline))
            (reverse %verdicts))
  (display (test-result)) (newline))
;; For `safepoint test --explore`: the cases of each named suite, as ((name index desc) ...),
;; without running them (the code of a suite around its cases runs).
(def (%list-test-cases named-suites)
  (apply append
         (map (lambda (ns)
                (let ((mode (list 'cases)))
                  (when (test-suite? (cdr ns))
                    (parameterize ((%case-mode mode)) ((%suite-thunk (cdr ns)))))
                  (let loop ((descs (reverse (cdr mode))) (i 0) (acc '()))
                    (if (null? descs) (reverse acc) (loop (cdr descs) (+ i 1) (cons (list (car ns) i (car descs)) acc))))))
              named-suites)))

;; One case of a suite, as one run that explore searches: setup, the suite with only case n,
;; cleanup; a failed check raises an error that says it, an error in the case is raised as it was.
(def (%explore-test-case! setup cleanup suite n)
  (when setup (setup))
  (let ((mode (vector n 0 'not-reached)))
    (unwind-protect
      (parameterize ((%case-mode mode)) ((%suite-thunk suite)))
      (when cleanup (cleanup)))
    (let ((outcome (vector-ref mode 2)))
      (cond
       ((eq? outcome 'ok) (void))
       ((%failure? outcome)
        (error (%one-line (with-output-to-string (lambda () (%show-failure outcome))))))
       ((eq? outcome 'not-reached) (error "the test case was not reached" n))
       (else (raise outcome))))))
