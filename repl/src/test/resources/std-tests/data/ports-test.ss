;;; :std/misc/ports (doc/reference/std/misc/ports.md), on temporary files
(import :std/test :std/misc/ports :std/os/temporaries :std/sugar)
(export ports-test)
(def ports-test
  (test-suite ":std/misc/ports"
    (test-case "files written and read back, as strings, lines and bytes"
      (call-with-temporary-file-name "ports-test"
        (lambda (f)
          (write-file-lines f ["one" "two" "three"])
          (check (read-file-lines f) => '("one" "two" "three"))
          (check (read-file-string f) => "one\ntwo\nthree\n")
          (write-file-string f "four" settings: [append: #t] newline-ending: #f)
          (check (read-file-string f) => "one\ntwo\nthree\nfour")
          (check (u8vector-length (read-file-u8vector f bufsize: 4)) => 18)
          (check (call-with-input-file f (lambda (in) (read-all-as-lines in separator: #\o include-separator?: #t)))
                 => '("o" "ne\ntwo" "\nthree\nfo" "ur")))))
    (test-case "copy-port keeps a file's bytes, UTF-8 or not"
      (call-with-temporary-file-name "ports-src"
        (lambda (src)
          (call-with-temporary-file-name "ports-dst"
            (lambda (dst)
              (call-with-output-file src (lambda (o) (write-bytevector #u8(0 255 195 169 10) o)))
              (call-with-input-file src (lambda (in) (call-with-output-file dst (lambda (out) (copy-port in out)))))
              (check (read-file-u8vector dst) => #u8(0 255 195 169 10)))))))
    (test-case "output and input designators"
      (check (call-with-output #f "text") => "text")
      (check (with-output (o #f) (writeln 'x o) (display 1 o)) => "x\n1")
      (check (call-with-input "(1 2)" read) => '(1 2))
      (check (with-input (i #u8(7 8)) (read-all-as-u8vector i)) => #u8(7 8))
      (check-exception (call-with-output 3 "x") true)
      (check-exception (call-with-input 3 read) true))
    (test-case "char-port-eof? and the destroy method"
      (def p (open-input-string "a"))
      (check (char-port-eof? p) => #f)
      (with-destroy p (read-char p))
      (check (input-port-open? p) => #f)
      (check-exception (read-char p) true))
    (test-case "a missing file is Gambit's file error"
      (check (with-catch file-error? (lambda () (read-file-string (make-temporary-file-name "absent")))) => #t))))
