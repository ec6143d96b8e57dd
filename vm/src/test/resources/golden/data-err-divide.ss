;; oracle: gsi
;; Dividing an exact number by exact zero.
(write (/ 1 2))
(newline)
(write (/ 5 0))
