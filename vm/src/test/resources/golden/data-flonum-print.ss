;; oracle: gsi
;; How gsi writes flonums: shortest round-trip digits, no leading zero, a trailing dot for
;; integral values, and exponent notation outside [1e-7, 1e21).
(define (show x) (write x) (newline))
(for-each show
  (list .5 -.5 100. 1e21 1e20 1e-7 1e-6 1.2345678901234567e19 +inf.0 -inf.0 +nan.0
        0. -0. 1.5 -1.5 .1 .2 (+ .1 .2) 3.141592653589793 123456789.123
        1e100 1.7976931348623157e308 4.9406564584124654e-324 2.2250738585072014e-308
        (/ 1. 3) (/ 2. 3) 1234567890123456789012. 12345678901234567890. 0.000123
        (sqrt 2.) (exp 1.) (- (expt 2. 53) 1) (expt 2. 53) (expt 2. 64)
        (exact->inexact 1/3) (exact->inexact (expt 10 25)) 100.5 -1e-10))
(display 1.5) (newline)
(display -0.) (newline)
(display (list 1. 2.5 +inf.0)) (newline)
(show (number->string 255.))
(show (number->string .001))
