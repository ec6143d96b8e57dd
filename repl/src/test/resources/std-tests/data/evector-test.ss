;;; :std/misc/evector (doc/reference/std/misc/evector.md)
(import :std/test :std/misc/evector)
(export evector-test)
(def evector-test
  (test-suite ":std/misc/evector"
    (test-case "growing by push!"
      (def e (list->evector '()))
      (for-each (lambda (i) (evector-push! e (* i i))) (iota 10))
      (check (evector-fill-pointer e) => 10)
      (check (evector-ref e 9) => 81)
      (check (evector->list e) => (map (lambda (i) (* i i)) (iota 10)))
      (check-exception (evector-ref e 10) true))
    (test-case "memoization"
      (def fib (memoize-recursive-sequence (lambda (n) (+ (fib (- n 1)) (fib (- n 2)))) init: '(0 1)))
      (check (fib 30) => 832040))))
