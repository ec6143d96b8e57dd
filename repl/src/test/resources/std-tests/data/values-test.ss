;;; :std/values (doc/reference/std/values.md)
(import :std/test :std/values)
(export values-test)
(def values-test
  (test-suite ":std/values"
    (test-case "selectors"
      (check (first-value (values 1 2 3)) => 1)
      (check (second-value (values 1 2 3)) => 2)
      (check (nth-value 2 (values 1 2 3)) => 3)
      (check (call-with-values (lambda () (values 8 9)) second-value) => 9)
      (check-exception (nth-value 4 (values 1 2)) type-exception?))
    (test-case "conversions"
      (check (values->list (list->values '(1 2))) => '(1 2))
      (check (values->vector (values 1 2 3)) => #(1 2 3))
      (check (values->list (vector->values #(a b))) => '(a b))
      (check (values->cons (values 'a '(b))) => '(a b))
      (check (values->list (cons->values '(1 . 2))) => '(1 2)))))
