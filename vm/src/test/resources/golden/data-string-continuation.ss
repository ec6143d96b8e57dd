;; oracle: r7rs 6.7
;; A string's line continuation, \<blanks><line end><blanks>, is nothing, as R7RS 6.7 says (gsi
;; 4.9.3 reads the blanks before the line end as the string's); \<space> elsewhere is a space, as
;; in Gambit.
(define (show x) (write x) (newline))
(show "line 1\   
    continued")
(show "line 1\
continued")
(show "a\   b")
(show (read (open-input-string "\"line 1\\ \t \n \t continued\n\"")))
(show (read (open-input-string "\"line 1\\ \t \n \t \n\nline 3\n\"")))
(show (read (open-input-string "\"x\\ \r\n  y\"")))
(show (string-length "a\ b"))
