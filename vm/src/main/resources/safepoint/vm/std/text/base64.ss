;;; :std/text/base64 -- RFC 4648 base64 (doc/reference/std/text/base64.md in the Gerbil
;;; repository): encoding with an optional line width, padding or none, the standard or the
;;; urlsafe alphabet; decoding that accepts missing padding unless told not to. The work is done
;;; by the ##base64-encode/decode primitives (prims/BytesPrims.java).

(export base64-string->u8vector base64-substring->u8vector u8vector->base64-string
        subu8vector->base64-string base64-decode base64-decode-substring base64-encode
        base64-encode-subu8vector)

(def (base64-substring->u8vector str start end nopadding-ok?: (nopadding-ok? #t) urlsafe?: (urlsafe? #f))
  (##base64-decode str start end nopadding-ok? urlsafe?))

(def (base64-string->u8vector str nopadding-ok?: (nopadding-ok? #t) urlsafe?: (urlsafe? #f))
  (##base64-decode str 0 (string-length str) nopadding-ok? urlsafe?))

(def (subu8vector->base64-string u8v start end width: (width 0) padding?: (padding? #t) urlsafe?: (urlsafe? #f))
  (##base64-encode u8v start end width padding? urlsafe?))

(def (u8vector->base64-string u8v width: (width 0) padding?: (padding? #t) urlsafe?: (urlsafe? #f))
  (##base64-encode u8v 0 (u8vector-length u8v) width padding? urlsafe?))

(defalias base64-decode base64-string->u8vector)
(defalias base64-decode-substring base64-substring->u8vector)
(defalias base64-encode u8vector->base64-string)
(defalias base64-encode-subu8vector subu8vector->base64-string)
