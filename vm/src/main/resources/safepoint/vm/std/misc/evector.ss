;;; :std/misc/evector -- extensible vectors (doc/reference/std/misc/evector.md in the Gerbil
;;; repository): evector (any values) and ebytes (bytes), a supporting vector and a fill
;;; pointer, growing by doubling; conversions, checked and &-named accessors, extension, the
;;; fill pointer and push!, and memoize-recursive-sequence; ebits (bits, little-endian in a
;;; u8vector: bit 0 is the low bit of byte 0), with bits->ebits and ebits->bits between an
;;; ebits and an exact integer. The &-named forms are the checked ones under those names.
;;;
;;; An ebits' bit reads as 0 or 1 (ebits-set? as a boolean); a bit is set by any true value but
;;; 0, so the page's default initial value #f means 0. The page's signature (bits->ebits
;;; u8vector b l) names a u8vector its text never uses: here it is (bits->ebits b l), the
;;; integer and the length.

(export make-evector evector? check-argument-evector vector->evector &vector->evector
        evector->vector &evector->vector list->evector &list->evector evector->list &evector->list
        evector-ref &evector-ref evector-set! &evector-set! evector-ref-set! &evector-ref-set!
        extend-evector! &extend-evector! evector-fill-pointer &evector-fill-pointer
        evector-fill-pointer-set! &evector-fill-pointer-set! evector-push! &evector-push!
        memoize-recursive-sequence
        make-ebytes ebytes? check-argument-ebytes bytes->ebytes &bytes->ebytes ebytes->bytes &ebytes->bytes
        string->ebytes &string->ebytes ebytes-ref &ebytes-ref ebytes-set! &ebytes-set!
        ebytes-ref-set! &ebytes-ref-set! extend-ebytes! &extend-ebytes! ebytes-fill-pointer
        &ebytes-fill-pointer ebytes-fill-pointer-set! &ebytes-fill-pointer-set! ebytes-push! &ebytes-push!
        make-ebits ebits? check-argument-ebits bits->ebits &bits->ebits ebits->bits &ebits->bits
        ebits-set? &ebits-set? ebits-ref &ebits-ref ebits-set! &ebits-set! ebits-ref-set! &ebits-ref-set!
        extend-ebits! &extend-ebits! ebits-fill-pointer &ebits-fill-pointer
        ebits-fill-pointer-set! &ebits-fill-pointer-set! ebits-push! &ebits-push!)

;; The storage a kind of extensible sequence grows in: how to make, measure, read, write and copy it.
(defstruct %kind (make length ref set! copy->list))
(def %vectors (%kind make-vector vector-length vector-ref vector-set! vector->list))
(def %bytes (%kind (lambda (n fill) (make-u8vector n (or fill 0))) u8vector-length u8vector-ref u8vector-set! u8vector->list))
;; Bits: a store of n bytes holds 8n bits.
(def (%bit-on? v) (and v (not (eqv? v 0))))
(def (%bit-ref store i) (bitwise-and 1 (arithmetic-shift (u8vector-ref store (quotient i 8)) (- (remainder i 8)))))
(def (%bit-set! store i v)
  (let* ((at (quotient i 8)) (mask (arithmetic-shift 1 (remainder i 8))) (byte (u8vector-ref store at)))
    (u8vector-set! store at (if (%bit-on? v) (bitwise-ior byte mask) (bitwise-and byte (- 255 mask))))))
(def %bits (%kind (lambda (n fill) (make-u8vector (quotient (+ n 7) 8) (if (%bit-on? fill) 255 0)))
                  (lambda (store) (* 8 (u8vector-length store))) %bit-ref %bit-set!
                  (lambda (store start end) (let loop ((i (- end 1)) (acc '())) (if (< i start) acc (loop (- i 1) (cons (%bit-ref store i) acc)))))))

(defstruct %extensible (kind store fill))

(def (%check e pred? who) (unless (pred? e) (error (string-append who ": wrong kind of extensible vector") e)))
(def (%valid-fill kind store fp who)
  (unless (and (exact-integer? fp) (<= 0 fp ((%kind-length kind) store)))
    (error (string-append who ": fill pointer out of range") fp))
  fp)

(def (%ref e i who)
  (unless (and (exact-integer? i) (<= 0 i) (< i (%extensible-fill e))) (error (string-append who ": index out of range") i))
  ((%kind-ref (%extensible-kind e)) (%extensible-store e) i))
(def (%set! e i v who)
  (unless (and (exact-integer? i) (<= 0 i) (< i (%extensible-fill e))) (error (string-append who ": index out of range") i))
  ((%kind-set! (%extensible-kind e)) (%extensible-store e) i v))

;; A new store of length at least LL holding the old contents.
(def (%extend! e ll iv)
  (let* ((kind (%extensible-kind e)) (old (%extensible-store e)) (n ((%kind-length kind) old)))
    (when (> ll n)
      (let (new ((%kind-make kind) ll iv))
        (let loop ((i 0)) (when (< i n) ((%kind-set! kind) new i ((%kind-ref kind) old i)) (loop (+ i 1))))
        (%extensible-store-set! e new)))))

(def (%fill-pointer-set! e fp iv extend)
  (let (n ((%kind-length (%extensible-kind e)) (%extensible-store e)))
    (cond ((<= fp n) (%extensible-fill-set! e fp) fp)
          ((eq? extend #t) (%extend! e (max fp (* 2 n) 1) iv) (%extensible-fill-set! e fp) fp)
          ((and (exact-integer? extend) (>= extend 0)) (%extend! e (+ fp extend) iv) (%extensible-fill-set! e fp) fp)
          (else #f))))

;; The page leaves the value unspecified: it is the index x went to, or #f when the store was
;; full and might not grow (as Gerbil's own tests expect).
(def (%push! e x iv extend)
  (let (fp (%extensible-fill e))
    (and (%fill-pointer-set! e (+ fp 1) iv extend)
         (begin ((%kind-set! (%extensible-kind e)) (%extensible-store e) fp x) fp))))

(def (%contents e) ((%kind-copy->list (%extensible-kind e)) (%extensible-store e) 0 (%extensible-fill e)))

;; The checked accessors of one kind, each named as the page names it.
(defrules %def-accessors ()
  ((_ check ref set! extend! fill-pointer fill-pointer-set! push!)
   (begin
     (def (ref e i) (check e) (%ref e i (symbol->string 'ref)))
     (def (set! e i v) (check e) (%set! e i v (symbol->string 'set!)))
     (def (extend! e ll initial-value: (iv #f)) (check e) (%extend! e ll iv))
     (def (fill-pointer e) (check e) (%extensible-fill e))
     (def (fill-pointer-set! e fp initial-value: (iv #f) extend: (extend #t)) (check e) (%fill-pointer-set! e fp iv extend))
     (def (push! e x initial-value: (iv #f) extend: (extend #t)) (check e) (%push! e x iv extend)))))

;; ---- evector ---------------------------------------------------------------------------------

(def (evector? x) (and (%extensible? x) (eq? (%extensible-kind x) %vectors)))
(def (check-argument-evector x) (%check x evector? "check-argument-evector"))
(def (make-evector vec fp)
  (unless (vector? vec) (error "make-evector: vector expected" vec))
  (%extensible %vectors vec (%valid-fill %vectors vec fp "make-evector")))
(def (vector->evector v) (make-evector v (vector-length v)))
(def (evector->vector e) (check-argument-evector e) (list->vector (%contents e)))
(def (list->evector l) (vector->evector (list->vector l)))
(def (evector->list e) (check-argument-evector e) (%contents e))
(%def-accessors check-argument-evector evector-ref evector-set! extend-evector! evector-fill-pointer
                evector-fill-pointer-set! evector-push!)

;; ---- ebytes ----------------------------------------------------------------------------------

(def (ebytes? x) (and (%extensible? x) (eq? (%extensible-kind x) %bytes)))
(def (check-argument-ebytes x) (%check x ebytes? "check-argument-ebytes"))
(def (make-ebytes bytes fp)
  (unless (u8vector? bytes) (error "make-ebytes: u8vector expected" bytes))
  (%extensible %bytes bytes (%valid-fill %bytes bytes fp "make-ebytes")))
(def (bytes->ebytes b) (make-ebytes b (u8vector-length b)))
(def (ebytes->bytes e) (check-argument-ebytes e) (list->u8vector (%contents e)))
(def (string->ebytes s) (bytes->ebytes (string->utf8 s)))
(%def-accessors check-argument-ebytes ebytes-ref ebytes-set! extend-ebytes! ebytes-fill-pointer
                ebytes-fill-pointer-set! ebytes-push!)

;; ---- ebits -----------------------------------------------------------------------------------

(def (ebits? x) (and (%extensible? x) (eq? (%extensible-kind x) %bits)))
(def (check-argument-ebits x) (%check x ebits? "check-argument-ebits"))
(def (make-ebits bytes fp)
  (unless (u8vector? bytes) (error "make-ebits: u8vector expected" bytes))
  (%extensible %bits bytes (%valid-fill %bits bytes fp "make-ebits")))
(def (bits->ebits b l)
  (unless (exact-integer? b) (error "bits->ebits: exact integer expected" b))
  (unless (and (exact-integer? l) (>= l 0)) (error "bits->ebits: length expected" l))
  (let (store (make-u8vector (quotient (+ l 7) 8) 0))
    (let loop ((i 0) (b b))
      (when (< i (u8vector-length store))
        (u8vector-set! store i (bitwise-and b 255))
        (loop (+ i 1) (arithmetic-shift b -8))))
    (let (e (make-ebits store l))
      (let clear ((i l)) (when (< i (* 8 (u8vector-length store))) (%bit-set! store i 0) (clear (+ i 1))))
      e)))
(def (ebits->bits e)
  (check-argument-ebits e)
  (let loop ((bits (reverse (%contents e))) (n 0))
    (if (null? bits) n (loop (cdr bits) (+ (* 2 n) (car bits))))))
(%def-accessors check-argument-ebits ebits-ref ebits-set! extend-ebits! ebits-fill-pointer
                ebits-fill-pointer-set! ebits-push!)
(def (ebits-set? e i) (= 1 (ebits-ref e i)))

;; ---- the &-names and the setters' set! names ----------------------------------------------------

(defalias evector-ref-set! evector-set!)
(defalias ebytes-ref-set! ebytes-set!)
(defalias ebits-ref-set! ebits-set!)
(defrules %defaliases () ((_ (new old) ...) (begin (defalias new old) ...)))
(%defaliases
  (&vector->evector vector->evector) (&evector->vector evector->vector) (&list->evector list->evector)
  (&evector->list evector->list) (&evector-ref evector-ref) (&evector-set! evector-set!)
  (&evector-ref-set! evector-set!) (&evector-fill-pointer evector-fill-pointer)
  (&bytes->ebytes bytes->ebytes) (&ebytes->bytes ebytes->bytes) (&string->ebytes string->ebytes)
  (&ebytes-ref ebytes-ref) (&ebytes-set! ebytes-set!) (&ebytes-ref-set! ebytes-set!)
  (&ebytes-fill-pointer ebytes-fill-pointer)
  (&bits->ebits bits->ebits) (&ebits->bits ebits->bits) (&ebits-set? ebits-set?) (&ebits-ref ebits-ref)
  (&ebits-set! ebits-set!) (&ebits-ref-set! ebits-set!) (&ebits-fill-pointer ebits-fill-pointer))
;; The &-forms with positional initial value and extension.
(def (&extend-evector! e ll iv) (extend-evector! e ll initial-value: iv))
(def (&evector-fill-pointer-set! e fp iv extend) (evector-fill-pointer-set! e fp initial-value: iv extend: extend))
(def (&evector-push! e x iv extend) (evector-push! e x initial-value: iv extend: extend))
(def (&extend-ebytes! e ll iv) (extend-ebytes! e ll initial-value: iv))
(def (&ebytes-fill-pointer-set! e fp iv extend) (ebytes-fill-pointer-set! e fp initial-value: iv extend: extend))
(def (&ebytes-push! e x iv extend) (ebytes-push! e x initial-value: iv extend: extend))
(def (&extend-ebits! e ll iv) (extend-ebits! e ll initial-value: iv))
(def (&ebits-fill-pointer-set! e fp iv extend) (ebits-fill-pointer-set! e fp initial-value: iv extend: extend))
(def (&ebits-push! e x iv extend) (ebits-push! e x initial-value: iv extend: extend))

;; ---- memoization ---------------------------------------------------------------------------

;; f(n) from the cache when known; else fun(n), which may call f on smaller n, stored at n.
(def (memoize-recursive-sequence fun init: (init '()) cache: (cache (list->evector init)))
  (lambda (n)
    (unless (and (exact-integer? n) (>= n 0)) (error "memoize-recursive-sequence: natural number expected" n))
    (if (< n (evector-fill-pointer cache))
      (evector-ref cache n)
      (let (v (fun n))
        (when (>= n (evector-fill-pointer cache)) (evector-fill-pointer-set! cache (+ n 1)))
        (evector-set! cache n v)
        v))))
