;;; :std/text/utf8 -- UTF-8 (doc/reference/std/text/utf8.md in the Gerbil repository):
;;; string->utf8 and utf8->string (the runtime's, with their optional range), utf8-encode and
;;; utf8-decode with an explicit range, and string-utf8-length.
;;;
;;; Safepoint's difference: utf8->string raises an error on any malformed input, where the page
;;; replaces unknown sequences with U+FFFD and raises only on an incomplete one.

(export (rename-out (%string->utf8 string->utf8) (%utf8->string utf8->string))
        utf8-encode utf8-decode string-utf8-length)

(import (only-in :std/error check-argument))

;; The page's "| error" for what is no string or u8vector is a BadArgument, a contract violation.
(def (%string->utf8 str (start 0) (end #f))
  (check-argument (string? str) "string" str)
  (string->utf8 str start (or end (string-length str))))
(def (%utf8->string u8v (start 0) (end #f))
  (check-argument (u8vector? u8v) "u8vector" u8v)
  (utf8->string u8v start (or end (u8vector-length u8v))))
(def (utf8-encode str start end) (%string->utf8 str start end))
(def (utf8-decode u8v start end) (%utf8->string u8v start end))

;; Counted from the code points, without building the bytes.
(def (string-utf8-length str (start 0) (end #f))
  (check-argument (string? str) "string" str)
  (let loop ((i start) (n 0))
    (if (>= i (or end (string-length str)))
      n
      (let (c (char->integer (string-ref str i)))
        (loop (+ i 1) (+ n (cond ((< c #x80) 1) ((< c #x800) 2) ((< c #x10000) 3) (else 4))))))))
