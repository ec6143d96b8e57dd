;;; :std/text/hex -- hexadecimal text (doc/reference/std/text/hex.md in the Gerbil repository):
;;; hex-encode/hexlify, hex-decode/unhexlify, and the digit converters hex, unhex and unhex*.
;;; Digits are written lower case and read in either case.

(export hex-encode hexlify hex-decode unhexlify hex unhex unhex*)

(def %digits "0123456789abcdef")

(def (hex n) (string-ref %digits n))

(def (unhex* c)
  (let (n (char->integer c))
    (cond ((<= 48 n 57) (- n 48))
          ((<= 97 n 102) (- n 87))
          ((<= 65 n 70) (- n 55))
          (else #f))))

(def (unhex c)
  (or (and (char? c) (unhex* c)) (error "unhex: not a hex digit" c)))

(def (hex-encode bytes (start 0) (end #f))
  (let* ((end (or end (u8vector-length bytes)))
         (out (make-string (* 2 (- end start)))))
    (let loop ((i start) (j 0))
      (when (< i end)
        (let (b (u8vector-ref bytes i))
          (string-set! out j (hex (arithmetic-shift b -4)))
          (string-set! out (+ j 1) (hex (bitwise-and b 15))))
        (loop (+ i 1) (+ j 2))))
    out))

(def (hex-decode str)
  (let (n (string-length str))
    (unless (even? n) (error "hex-decode: odd number of hex digits" str))
    (let (v (make-u8vector (quotient n 2)))
      (let loop ((i 0))
        (when (< i n)
          (u8vector-set! v (quotient i 2) (+ (* 16 (unhex (string-ref str i))) (unhex (string-ref str (+ i 1)))))
          (loop (+ i 2))))
      v)))

(defalias hexlify hex-encode)
(defalias unhexlify hex-decode)
