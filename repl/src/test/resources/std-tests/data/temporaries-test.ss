;;; :std/os/temporaries (doc/reference/std/os/temporaries.md)
(import :std/test :std/os/temporaries :std/misc/path)
(export temporaries-test)
(def temporaries-test
  (test-suite ":std/os/temporaries"
    (test-case "fresh names in /tmp with the prefix"
      (def a (make-temporary-file-name "tmp-test"))
      (def b (make-temporary-file-name "tmp-test"))
      (check (path-directory a) => "/tmp/")
      (check (string-prefix? "tmp-test-" (path-strip-directory a)) => #t)
      (check-not-equal? a b)
      (check (file-exists? a) => #f))
    (test-case "the file is deleted on the way out, normal or not"
      (def kept #f)
      (check (call-with-temporary-file-name "tmp-test"
               (lambda (p) (set! kept p) (call-with-output-file p (lambda (o) (display "x" o))) (file-exists? p)))
             => #t)
      (check (file-exists? kept) => #f)
      (check-exception (call-with-temporary-file-name "tmp-test"
                         (lambda (p) (set! kept p) (call-with-output-file p (lambda (o) (display "x" o))) (error "boom")))
                       true)
      (check (file-exists? kept) => #f))))
