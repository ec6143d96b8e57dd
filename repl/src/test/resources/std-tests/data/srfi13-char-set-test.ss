;;; :std/srfi/13 (SRFI 13's text) and :std/text/char-set (doc/reference/std/text/char-set.md)
(import :std/test :std/srfi/13 :std/text/char-set)
(export srfi13-char-set-test)
(def srfi13-char-set-test
  (test-suite ":std/srfi/13 and :std/text/char-set"
    (test-case "srfi 13"
      (check (string-pad "7" 3 #\0) => "007")
      (check (string-index "a=b" #\=) => 1)
      (check (string-tokenize "x, y,z" char-ascii-alphabetic?) => '("x" "y" "z"))
      (check (string-join '("a" "b") "/") => "a/b")
      (check (string-contains "haystack" "st") => 3)
      (check (string-trim-both "  pad  ") => "pad")
      (check-exception (string-take "ab" 3) true))
    (test-case "char-set"
      (check (char-ascii-digit #\b 16) => 11)
      (check (digit-char 5) => #\5)
      (check (char-strict-whitespace? #\tab) => #t)
      (check (char-ascii-alphabetic? #\1) => #f))))
