;; oracle: gsi
;; raise of a non-condition object, uncaught
(display "raising") (newline)
(raise (list 'my-error 42 "text"))
