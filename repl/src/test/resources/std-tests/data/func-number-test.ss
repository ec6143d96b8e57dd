;;; :std/misc/func and :std/misc/number (doc/reference/std/misc/func.md, number.md)
(import :std/test :std/error :std/misc/func :std/misc/number :std/srfi/1)
(export func-number-test)
(def func-number-test
  (test-suite ":std/misc/func and :std/misc/number"
    (test-case "func"
      (check ((always 5) 1 2) => 5)
      (check (repeat 2 3) => '(2 2 2))
      (check ((compose1 car cdr) '(1 2)) => 2)
      (check ((rcompose/values (lambda (a b) (values b a)) list) 1 2) => '(2 1))
      (check (every-of [number? 10] 10 test: =) => #t)
      (check (filter (pred-limit even? 2) (iota 10)) => '(0 2))
      ;; pred-sequence: #t on the last element of each match; an empty sequence never matches
      (check (filter (pred-sequence [1 2]) [1 2 'a 1 2]) => '(2 2))
      (check (filter (pred-sequence [1 2]) [1 1 2]) => '(2))
      (check (filter (pred-sequence [2] 1) [1 2 1 2]) => '(2))
      (check ((pred-sequence []) 1) => #f)
      (check (filter (pred-any-of [symbol? "b"]) ['a 1 "b"]) => '(a "b")))
    (test-case "number"
      (check (xmax -inf.0 (+ 1 (expt 2 54))) => 18014398509481985)
      (check (map real->sign [-2 0 3.5]) => '(-1 0 1))
      (check (floor-align 25 -10) => 30)
      (check (invert-mod 3 7) => 5)
      (check (expt-mod 4 13 497) => 445)
      (check (values->list (bezout 240 46)) => '(-9 47 2))
      (check (least-integer (lambda (i) (> (* i i) 50)) 0 100) => 8)
      (check-exception (check-argument-uint -1) bad-argument-error?)
      (let (x 1) (check (post-increment! x 2) => 1) (check x => 3)))))
