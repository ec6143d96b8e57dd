;;; :std/misc/walist (doc/reference/std/misc/walist.md)
(import :std/test :std/misc/walist)
(export walist-test)
(def walist-test
  (test-suite ":std/misc/walist"
    (test-case "pure and mutable walists"
      (def w (walist '((a . 1))))
      (check (walist-alist {put w 'b 2}) => '((b . 2) (a . 1)))
      (check (walist-alist w) => '((a . 1)))
      (check {get w 'a} => 1)
      (def m (walistq! '()))
      {put! m 'x 1}
      {acons! m 'y 2}
      (check (walist-alist m) => '((y . 2) (x . 1)))
      {remove! m 'y}
      (check (walist->alist m) => '((x . 1)))
      (check (walist? m) => #t)
      (check-exception (walistq-get m 'nope) error-object?))))
