;;; :std/misc/string (doc/reference/std/misc/string.md): string-subst and random-string
(import :std/test :std/error :std/misc/string)
(export string-test)
(def string-test
  (test-suite ":std/misc/string"
    (test-case "string-subst, as the page's examples"
      (check (string-subst "aabbaaaaabb" "aa" "cc") => "ccbbccccabb")
      (check (string-subst "subst;some;of;these;semicolons" ";" "#" count: 2) => "subst#some#of;these;semicolons")
      (check (string-subst "abc" "b" "_" count: 0) => "abc"))
    (test-case "string-subst: a count that is no fixnum or #f is a contract violation"
      (check-exception (string-subst "abc" "b" "_" count: #t) contract-violation-error?))
    (test-case "string-subst: an empty old matches before each character and at the end"
      (check (string-subst "abc" "" "_") => "_a_b_c_")
      (check (string-subst "abc" "" "_" count: 2) => "_a_bc")
      (check (string-subst "" "" "_" count: 1) => "_")
      (check (string-subst "abc" "" "") => "abc"))
    (test-case "random-string"
      (check (string-length (random-string 5)) => 5)
      (check (random-string 0) => "")
      (check (random-string -1) => "")
      (check-exception (random-string 'x) error-object?))))
