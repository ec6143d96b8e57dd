;;; :std/misc/vector and :std/misc/bytes (doc/reference/std/misc/vector.md, bytes.md)
(import :std/test :std/misc/vector :std/misc/bytes)
(export vector-bytes-test)
(def vector-bytes-test
  (test-suite ":std/misc/vector and :std/misc/bytes"
    (test-case "vector"
      (check (vector-map/index list #(a b)) => #((0 a) (1 b)))
      (check (vector-least-index (lambda (x) (< x 10)) #(35 21 9 4)) => 2)
      (check (subvector->list #(a b c d) start: 2) => '(c d))
      (check (vector-filter odd? #(1 2 3 4 5) start: 1) => #(3 5))
      (check (cons->vector '(a . b)) => #(a b)))
    (test-case "bytes"
      (check (u8vector->uint #u8(3 2 1 0) little 4) => 66051)
      (check (sint->u8vector -23) => #u8(233))
      (check (u8vector->bytestring (u8vector 255 1)) => "FF 01")
      (check (bytestring->u8vector "FF01" #f) => #u8(255 1))
      (let (v (make-u8vector 8))
        (u8vector-double-set! v 0 -0.5 big)
        (check (u8vector-double-ref v 0 big) => -0.5)
        (u8vector-s32-set! v 0 -2 little)
        (check (u8vector-s32-ref v 0 little) => -2))
      (check-exception (u8vector-uint-set! (make-u8vector 1) 0 256 big 1) error-object?))))
