;;; :std/pregexp (doc/reference/std/regexp.md)
(import :std/test :std/pregexp)
(export pregexp-test)
(def pregexp-test
  (test-suite ":std/pregexp"
    (test-case "match, split, replace"
      (check (pregexp-match "(\\d+)-(\\d+)" "call 555-1234") => '("555-1234" "555" "1234"))
      (check (pregexp-match-positions "o" "foo") => '((1 . 2)))
      (check (pregexp-split "\\s*,\\s*" "a , b,c") => '("a" "b" "c"))
      (check (pregexp-replace* "(\\d)" "a1b2" "<\\1>") => "a<1>b<2>")
      (check (pregexp-match (pregexp-quote ".") "a.b") => '("."))
      (check-exception (pregexp "[") true))))
