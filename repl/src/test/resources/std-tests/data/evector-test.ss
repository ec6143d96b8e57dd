;;; :std/misc/evector (doc/reference/std/misc/evector.md): evector, ebytes and ebits
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
      (check-exception (evector-ref e 10) true)
      ;; a push gives the index it stored at, or #f when the store is full and may not grow
      (def full (list->evector '(a b)))
      (check (evector-push! full 'x extend: #f) => #f)
      (check (evector-push! full 'x) => 2)
      (check (ebytes-push! (string->ebytes "ab") 120) => 2))
    (test-case "memoization"
      (def fib (memoize-recursive-sequence (lambda (n) (+ (fib (- n 1)) (fib (- n 2)))) init: '(0 1)))
      (check (fib 30) => 832040))
    (test-case "ebits: bits as an exact integer, little-endian"
      (def b (bits->ebits #b1011 4))
      (check (map (lambda (i) (ebits-ref b i)) '(0 1 2 3)) => '(1 1 0 1))
      (for-each (lambda (i) (ebits-push! b (odd? i))) (iota 20))
      (check (ebits-fill-pointer b) => 24)
      (check (ebits->bits b) => (+ #b1011 (* 16 #b10101010101010101010)))
      (ebits-set! b 0 0)
      (check (ebits-set? b 0) => #f)
      (check-exception (ebits-ref b 24) true))))
