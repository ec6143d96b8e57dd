;;; Failures as a person meets them: a wrong value, a predicate that fails, an error inside a case,
;;; a missing exception; the cases after each failure still run.
(import :std/test)
(export broken-test)

(def broken-test
  (test-suite "broken"
    (test-case "a wrong value" (check (+ 1 1) => 2) (check (+ 1 1) => 3) (check 'never => 'reached))
    (test-case "a failing predicate" (check (+ 1 1) ? odd?))
    (test-case "an error" (check (car '()) => 1))
    (test-case "no exception" (check-exception (+ 1 2) error-object?))
    (test-case "still runs" (check-output (display 'ok) "ok"))))
