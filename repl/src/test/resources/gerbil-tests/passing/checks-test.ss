;;; Every form of check in :std/test (doc/reference/std/test.md), each passing.
(import :std/test)
(export checks-test)

(def (double x) (* 2 x))

(def checks-test
  (test-suite "every check"
    (test-case "check => ? and an equality"
      (check (double 2) => 4)
      (check (double 3) ? even?)
      (check (double 0.5) => 1 :: =)
      (check = (double 5) 10)
      (checkf eqv? (double 1) 2))
    (test-case "the named checks"
      (check-eq? 'a 'a)
      (check-not-eq? (list 1) (list 1))
      (check-eqv? 2.0 2.0)
      (check-not-eqv? 2 2.0)
      (check-equal? (list 1 (vector 2)) (list 1 (vector 2)))
      (check-not-equal? "a" "b")
      (check-predicate (double 7) even?))
    (test-case "output and exceptions"
      (check-output (begin (display "x=") (display (double 21))) "x=42")
      (check-exception (car 1) type-exception?)
      (check-exception (raise 'oops) symbol?))))
