;; oracle: gsi
;; Datum comments in every place of a list, and how gsi reads "(#;a . b)": a "." right after the
;; open paren is the symbol ".", written back unescaped as the list's head so the text reads again.
(define (show x) (write x) (newline))
(define (try s)
  (show (call-with-current-continuation
         (lambda (k)
           (with-exception-handler (lambda (e) (k 'read-error))
                                   (lambda () (read (open-input-string s))))))))
(for-each try '("(#;a . b)" "(a . #;b)" "(a #;. b)" "(a . #;b c)" "(a . b #;c)" "(#;a)"
                "( . b)" "(a . )" "(a . b c)" "(#;a #;b . c)" "(a . #;b #;c d)" "#;" "(a #;)"
                "(#;#;a b c)" "#(#;1 2)" "(a #;(b c))" "(#;a #;b)" "#;a b"))
(show (list (string->symbol ".") 'b))
(show (cons 1 (string->symbol ".")))
(show (list 1 (string->symbol ".")))
(show (vector (string->symbol ".")))
(show (string->symbol "."))
(show (list (string->symbol ".") (string->symbol ".")))
(display (list (string->symbol ".") 'b))
(newline)
(show (symbol? (car (read (open-input-string "(. b)")))))
