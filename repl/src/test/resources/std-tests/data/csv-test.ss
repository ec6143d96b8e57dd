;;; :std/text/csv (doc/reference/std/text/csv.md)
(import :std/test :std/text/csv)
(export csv-test)
(def (csv->lines s) (read-csv-lines (open-input-string s)))
(def (lines->csv lines) (call-with-output-string (lambda (p) (write-csv-lines lines p))))
(def csv-test
  (test-suite ":std/text/csv"
    (test-case "reading"
      (check (csv->lines "a,b\n1,\"2,3\"\n") => '(("a" "b") ("1" "2,3")))
      (check (parameterize ((csv-separator #\;)) (csv->lines "a;b")) => '(("a" "b")))
      (check (csv->lines " x , y ") => '(("x" "y")))
      (check-exception (csv->lines "\"open") error-object?))
    (test-case "writing"
      (check (lines->csv [["a" "b c"] ["q\"" ""]]) => "a,b c\n\"q\"\"\",\n")
      (check (csv->lines (lines->csv [["1,2" "x\ny"]])) => '(("1,2" "x\ny"))))))
