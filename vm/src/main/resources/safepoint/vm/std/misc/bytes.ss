;;; :std/misc/bytes -- u8vector operations (doc/reference/std/misc/bytes.md in the Gerbil
;;; repository): endianness, signed bytes, integers of any size in either byte order, the
;;; machine-size and IEEE-754 accessors, swap and reverse, hex bytestrings, whole-vector integer
;;; codecs (uint, sint, nat, integer), u8vector-init!, u8vector-every, and the bytevector-...
;;; aliases. The &... unsafe forms are the checked ones under those names.
;;;
;;; Safepoint's machine is little-endian: that is native-endianness. IEEE numbers go through the
;;; ##u8vector-ieee-ref/set! primitives (prims/BytesPrims.java).

(import :std/misc/number)
(export endianness big little native native-endianness
        u8vector-s8-ref u8vector-s8-set! u8vector-uint-ref u8vector-uint-set!
        u8vector-sint-ref u8vector-sint-set!
        u8vector->uint-list uint-list->u8vector u8vector->sint-list sint-list->u8vector
        u8vector-u16-ref u8vector-u16-native-ref u8vector-u16-set! u8vector-u16-native-set!
        u8vector-s16-ref u8vector-s16-native-ref u8vector-s16-set! u8vector-s16-native-set!
        u8vector-u32-ref u8vector-u32-native-ref u8vector-u32-set! u8vector-u32-native-set!
        u8vector-s32-ref u8vector-s32-native-ref u8vector-s32-set! u8vector-s32-native-set!
        u8vector-u64-ref u8vector-u64-native-ref u8vector-u64-set! u8vector-u64-native-set!
        u8vector-s64-ref u8vector-s64-native-ref u8vector-s64-set! u8vector-s64-native-set!
        u8vector-float-ref u8vector-float-native-ref u8vector-float-set! u8vector-float-native-set!
        u8vector-double-ref u8vector-double-native-ref u8vector-double-set! u8vector-double-native-set!
        u8vector-swap! u8vector-reverse! u8vector-reverse u8vector->bytestring bytestring->u8vector
        u8vector->uint uint->u8vector u8vector->sint sint->u8vector
        u8vector-init! bytevector-init! u8vector-every
        n-bits->n-u8 nat-length-in-u8 nat->u8vector u8vector->nat
        integer-length-in-u8 integer->u8vector u8vector->integer
        bytevector-s8-ref bytevector-s8-set! bytevector-uint-ref bytevector-uint-set!
        bytevector-sint-ref bytevector-sint-set! bytevector->uint-list bytevector->sint-list
        uint-list->bytevector sint-list->bytevector
        bytevector-u16-ref bytevector-u16-native-ref bytevector-u16-set! bytevector-u16-native-set!
        bytevector-s16-ref bytevector-s16-native-ref bytevector-s16-set! bytevector-s16-native-set!
        bytevector-u32-ref bytevector-u32-native-ref bytevector-u32-set! bytevector-u32-native-set!
        bytevector-s32-ref bytevector-s32-native-ref bytevector-s32-set! bytevector-s32-native-set!
        bytevector-u64-ref bytevector-u64-native-ref bytevector-u64-set! bytevector-u64-native-set!
        bytevector-s64-ref bytevector-s64-native-ref bytevector-s64-set! bytevector-s64-native-set!
        bytevector-ieee-single-ref bytevector-ieee-single-set!
        bytevector-ieee-single-native-ref bytevector-ieee-single-native-set!
        bytevector-ieee-double-ref bytevector-ieee-double-set!
        bytevector-ieee-double-native-ref bytevector-ieee-double-native-set!
        bytevector-swap! bytevector-reverse! bytevector-reverse bytevector->bytestring
        bytestring->bytevector bytevector->uint uint->bytevector
        &u8vector-s8-ref &u8vector-s8-set! &u8vector-uint-ref/be &u8vector-uint-ref/le
        &u8vector-uint-set!/be &u8vector-uint-set!/le &u8vector-sint-ref/be &u8vector-sint-ref/le
        &u8vector-sint-set!/be &u8vector-sint-set!/le &u8vector-swap!)

;; ---- endianness ------------------------------------------------------------------------------

(def big 'big)
(def little 'little)
(def native 'native)
(def native-endianness 'little)
(defrules endianness ()
  ((_ e) (%endianness 'e)))
(def (%endianness e)
  (case e
    ((big little) e)
    ((native) native-endianness)
    (else (error "endianness: big, little or native expected" e))))
(def (%big? e) (eq? (%endianness e) 'big))

;; ---- bytes and integers of any size ----------------------------------------------------------

(def (u8vector-s8-ref v i) (let (b (u8vector-ref v i)) (if (> b 127) (- b 256) b)))
(def (u8vector-s8-set! v i n)
  (unless (and (exact-integer? n) (<= -128 n 127)) (error "u8vector-s8-set!: signed byte expected" n))
  (u8vector-set! v i (bitwise-and n 255)))

(def (%check-span who v i size)
  (unless (u8vector? v) (error (string-append who ": u8vector expected") v))
  (unless (and (exact-integer? size) (>= size 0) (exact-integer? i) (<= 0 i) (<= (+ i size) (u8vector-length v)))
    (error (string-append who ": index and size out of range") i size)))

(def (u8vector-uint-ref v i e size)
  (%check-span "u8vector-uint-ref" v i size)
  (let (big? (%big? e))
    (let loop ((k 0) (n 0))
      (if (= k size)
        n
        (loop (+ k 1) (+ (* n 256) (u8vector-ref v (if big? (+ i k) (- (+ i size) k 1)))))))))

(def (u8vector-uint-set! v i n e size)
  (%check-span "u8vector-uint-set!" v i size)
  (unless (uint-of-length? n (* 8 size)) (error "u8vector-uint-set!: integer does not fit" n size))
  (%put-bits! v i n (%big? e) size))

;; The SIZE low bytes of N (any exact integer, two's complement) into V at I.
(def (%put-bits! v i n big? size)
  (let loop ((k 0) (n n))
    (when (< k size)
      (u8vector-set! v (if big? (- (+ i size) k 1) (+ i k)) (bitwise-and n 255))
      (loop (+ k 1) (arithmetic-shift n -8)))))

(def (u8vector-sint-ref v i e size)
  (normalize-sint (u8vector-uint-ref v i e size) (* 8 size)))

(def (u8vector-sint-set! v i n e size)
  (%check-span "u8vector-sint-set!" v i size)
  (unless (sint-of-length? n (* 8 size)) (error "u8vector-sint-set!: integer does not fit" n size))
  (%put-bits! v i n (%big? e) size))

(def (%->list ref v e size)
  (unless (zero? (remainder (u8vector-length v) size)) (error "u8vector length is not a multiple of the size" size))
  (let loop ((i (- (u8vector-length v) size)) (acc '()))
    (if (< i 0) acc (loop (- i size) (cons (ref v i e size) acc)))))
(def (%<-list set lst e size)
  (let (v (make-u8vector (* size (length lst))))
    (let loop ((l lst) (i 0))
      (when (pair? l) (set v i (car l) e size) (loop (cdr l) (+ i size))))
    v))

(def (u8vector->uint-list v e size) (%->list u8vector-uint-ref v e size))
(def (u8vector->sint-list v e size) (%->list u8vector-sint-ref v e size))
(def (uint-list->u8vector lst e size) (%<-list u8vector-uint-set! lst e size))
(def (sint-list->u8vector lst e size) (%<-list u8vector-sint-set! lst e size))

;; ---- machine sizes and IEEE numbers ----------------------------------------------------------

(defrules %sized ()
  ((_ size ref native-ref set native-set generic-ref generic-set)
   (begin
     (def (ref v i e) (generic-ref v i e size))
     (def (native-ref v i) (generic-ref v i native-endianness size))
     (def (set v i n e) (generic-set v i n e size))
     (def (native-set v i n) (generic-set v i n native-endianness size)))))

(%sized 2 u8vector-u16-ref u8vector-u16-native-ref u8vector-u16-set! u8vector-u16-native-set! u8vector-uint-ref u8vector-uint-set!)
(%sized 2 u8vector-s16-ref u8vector-s16-native-ref u8vector-s16-set! u8vector-s16-native-set! u8vector-sint-ref u8vector-sint-set!)
(%sized 4 u8vector-u32-ref u8vector-u32-native-ref u8vector-u32-set! u8vector-u32-native-set! u8vector-uint-ref u8vector-uint-set!)
(%sized 4 u8vector-s32-ref u8vector-s32-native-ref u8vector-s32-set! u8vector-s32-native-set! u8vector-sint-ref u8vector-sint-set!)
(%sized 8 u8vector-u64-ref u8vector-u64-native-ref u8vector-u64-set! u8vector-u64-native-set! u8vector-uint-ref u8vector-uint-set!)
(%sized 8 u8vector-s64-ref u8vector-s64-native-ref u8vector-s64-set! u8vector-s64-native-set! u8vector-sint-ref u8vector-sint-set!)

(def (%ieee-ref v i e size) (##u8vector-ieee-ref v i size (%big? e)))
(def (%ieee-set! v i x e size) (##u8vector-ieee-set! v i x size (%big? e)))
(%sized 4 u8vector-float-ref u8vector-float-native-ref u8vector-float-set! u8vector-float-native-set! %ieee-ref %ieee-set!)
(%sized 8 u8vector-double-ref u8vector-double-native-ref u8vector-double-set! u8vector-double-native-set! %ieee-ref %ieee-set!)

;; ---- whole vectors ---------------------------------------------------------------------------

(def (u8vector-swap! v i j)
  (let (x (u8vector-ref v i))
    (u8vector-set! v i (u8vector-ref v j))
    (u8vector-set! v j x)))

(def (u8vector-reverse! v)
  (let loop ((i 0) (j (- (u8vector-length v) 1)))
    (when (< i j) (u8vector-swap! v i j) (loop (+ i 1) (- j 1)))))

(def (u8vector-reverse v)
  (let (w (u8vector-copy v)) (u8vector-reverse! w) w))

(def %hex-digits "0123456789ABCDEF")

(def (u8vector->bytestring v (delim #\space))
  (let (out (open-output-string))
    (let loop ((i 0))
      (when (< i (u8vector-length v))
        (when (and delim (> i 0)) (write-char delim out))
        (let (b (u8vector-ref v i))
          (write-char (string-ref %hex-digits (arithmetic-shift b -4)) out)
          (write-char (string-ref %hex-digits (bitwise-and b 15)) out))
        (loop (+ i 1))))
    (get-output-string out)))

(def (%hex-value c)
  (or (and (char? c) (let (n (char->integer (char-upcase c)))
                       (cond ((<= 48 n 57) (- n 48)) ((<= 65 n 70) (- n 55)) (else #f))))
      (error "bytestring->u8vector: hex digit expected" c)))

(def (bytestring->u8vector bs (delim #\space))
  (let* ((len (string-length bs))
         (step (if delim 3 2))
         (n (if (zero? len) 0 (quotient (+ len (if delim 1 0)) step))))
    (unless (or (zero? len) (= len (- (* n step) (if delim 1 0))))
      (error "bytestring->u8vector: malformed bytestring" bs))
    (let (v (make-u8vector n))
      (let loop ((k 0))
        (when (< k n)
          (let (at (* k step))
            (when (and delim (> k 0) (not (eqv? (string-ref bs (- at 1)) delim)))
              (error "bytestring->u8vector: delimiter expected" bs (- at 1)))
            (u8vector-set! v k (+ (* 16 (%hex-value (string-ref bs at))) (%hex-value (string-ref bs (+ at 1))))))
          (loop (+ k 1))))
      v)))

(def (u8vector->uint v (e big) (size (u8vector-length v))) (u8vector-uint-ref v 0 e size))
(def (u8vector->sint v (e big) (size (u8vector-length v))) (u8vector-sint-ref v 0 e size))
(def (uint->u8vector n (e big) (size (uint-length-in-u8 n)))
  (let (v (make-u8vector size)) (u8vector-uint-set! v 0 n e size) v))
(def (sint->u8vector n (e big) (size (sint-length-in-u8 n)))
  (let (v (make-u8vector size)) (u8vector-sint-set! v 0 n e size) v))

(def (u8vector-init! len fun)
  (let (v (make-u8vector len))
    (let loop ((i 0)) (when (< i len) (u8vector-set! v i (fun i)) (loop (+ i 1))))
    v))
(def bytevector-init! u8vector-init!)

(def (u8vector-every pred? v)
  (let loop ((i 0))
    (or (= i (u8vector-length v)) (and (pred? (u8vector-ref v i)) (loop (+ i 1))))))

;; The nat/integer codecs: length first, then endianness (the other way round from uint->u8vector).
(def (nat-length-in-u8 n) (uint-length-in-u8 n))
(def (integer-length-in-u8 n) (n-bits->n-u8 (integer-length n)))
(def (nat->u8vector n (len (nat-length-in-u8 n)) (e big)) (uint->u8vector n e len))
(def (u8vector->nat v (len (u8vector-length v)) (e big)) (u8vector-uint-ref v 0 e len))
(def (integer->u8vector n (len (sint-length-in-u8 n)) (e big)) (sint->u8vector n e len))
(def (u8vector->integer v (len (u8vector-length v)) (e big)) (u8vector-sint-ref v 0 e len))

;; ---- aliases ---------------------------------------------------------------------------------

;; The page's list of bytevector-... names, each the u8vector-... procedure.
(defrules %defaliases () ((_ (new old) ...) (begin (defalias new old) ...)))
(%defaliases
  (bytevector-s8-ref u8vector-s8-ref) (bytevector-s8-set! u8vector-s8-set!)
  (bytevector-uint-ref u8vector-uint-ref) (bytevector-uint-set! u8vector-uint-set!)
  (bytevector-sint-ref u8vector-sint-ref) (bytevector-sint-set! u8vector-sint-set!)
  (bytevector->uint-list u8vector->uint-list) (bytevector->sint-list u8vector->sint-list)
  (uint-list->bytevector uint-list->u8vector) (sint-list->bytevector sint-list->u8vector)
  (bytevector-u16-ref u8vector-u16-ref) (bytevector-u16-native-ref u8vector-u16-native-ref)
  (bytevector-u16-set! u8vector-u16-set!) (bytevector-u16-native-set! u8vector-u16-native-set!)
  (bytevector-s16-ref u8vector-s16-ref) (bytevector-s16-native-ref u8vector-s16-native-ref)
  (bytevector-s16-set! u8vector-s16-set!) (bytevector-s16-native-set! u8vector-s16-native-set!)
  (bytevector-u32-ref u8vector-u32-ref) (bytevector-u32-native-ref u8vector-u32-native-ref)
  (bytevector-u32-set! u8vector-u32-set!) (bytevector-u32-native-set! u8vector-u32-native-set!)
  (bytevector-s32-ref u8vector-s32-ref) (bytevector-s32-native-ref u8vector-s32-native-ref)
  (bytevector-s32-set! u8vector-s32-set!) (bytevector-s32-native-set! u8vector-s32-native-set!)
  (bytevector-u64-ref u8vector-u64-ref) (bytevector-u64-native-ref u8vector-u64-native-ref)
  (bytevector-u64-set! u8vector-u64-set!) (bytevector-u64-native-set! u8vector-u64-native-set!)
  (bytevector-s64-ref u8vector-s64-ref) (bytevector-s64-native-ref u8vector-s64-native-ref)
  (bytevector-s64-set! u8vector-s64-set!) (bytevector-s64-native-set! u8vector-s64-native-set!)
  (bytevector-ieee-single-ref u8vector-float-ref) (bytevector-ieee-single-set! u8vector-float-set!)
  (bytevector-ieee-single-native-ref u8vector-float-native-ref) (bytevector-ieee-single-native-set! u8vector-float-native-set!)
  (bytevector-ieee-double-ref u8vector-double-ref) (bytevector-ieee-double-set! u8vector-double-set!)
  (bytevector-ieee-double-native-ref u8vector-double-native-ref) (bytevector-ieee-double-native-set! u8vector-double-native-set!)
  (bytevector-swap! u8vector-swap!) (bytevector-reverse! u8vector-reverse!)
  (bytevector-reverse u8vector-reverse) (bytevector->bytestring u8vector->bytestring)
  (bytestring->bytevector bytestring->u8vector) (bytevector->uint u8vector->uint)
  (uint->bytevector uint->u8vector))

;; The &... forms: the checked procedures under those names, the byte order in the name.
(%defaliases (&u8vector-s8-ref u8vector-s8-ref) (&u8vector-s8-set! u8vector-s8-set!) (&u8vector-swap! u8vector-swap!))
;; order then size, as the generic procedures take them
(defrules %sized-order ()
  ((_ proc order name (arg ...)) (def (name arg ... size) (proc arg ... order size))))
(%sized-order u8vector-uint-ref 'big &u8vector-uint-ref/be (v i))
(%sized-order u8vector-uint-ref 'little &u8vector-uint-ref/le (v i))
(%sized-order u8vector-uint-set! 'big &u8vector-uint-set!/be (v i n))
(%sized-order u8vector-uint-set! 'little &u8vector-uint-set!/le (v i n))
(%sized-order u8vector-sint-ref 'big &u8vector-sint-ref/be (v i))
(%sized-order u8vector-sint-ref 'little &u8vector-sint-ref/le (v i))
(%sized-order u8vector-sint-set! 'big &u8vector-sint-set!/be (v i n))
(%sized-order u8vector-sint-set! 'little &u8vector-sint-set!/le (v i n))
