;; oracle: gsi
;; An element outside a homogeneous vector's range is a wrong-type error naming the range.
(write (s8vector 127 -128))
(newline)
(write (s8vector 1 200))
