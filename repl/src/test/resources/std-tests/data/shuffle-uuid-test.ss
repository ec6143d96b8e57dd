;;; :std/misc/shuffle and :std/misc/uuid (doc/reference/std/misc/shuffle.md, uuid.md)
(import :std/test :std/sort :std/misc/shuffle :std/misc/uuid)
(export shuffle-uuid-test)
(def shuffle-uuid-test
  (test-suite ":std/misc/shuffle and :std/misc/uuid"
    (test-case "shuffle"
      (check (sort (shuffle (iota 10)) <) => (iota 10))
      (check (shuffle '(a b)) => '(b a))
      (check (vector-length (vector-shuffle (make-vector 4 0))) => 4))
    (test-case "uuid"
      (def u (random-uuid))
      (check (uuid=? u (string->uuid (uuid->string u))) => #t)
      (check (uuid->string (u8vector->uuid (make-u8vector 16 255))) => "ffffffff-ffff-ffff-ffff-ffffffffffff")
      (check-exception (string->uuid "nope") true))))
