;;; :std/misc/number -- number utilities (doc/reference/std/misc/number.md in the Gerbil
;;; repository): the extended real line (real->sign, xmin, xmax and their /list, /map and !
;;; forms), counters (increment! and friends, make-counter), integer-part and alignment,
;;; natural-number predicates and argument checks, normalize-uint/sint, for-each-integer, binary
;;; search, modular arithmetic (bezout, mult-mod, invert-mod, divide-mod, expt-mod) and integer
;;; logarithms.

(import :std/error :std/iter)
(export real->sign xmin xmin/list xmin! xmin/map xmax xmax/list xmax! xmax/map
        increment! pre-increment! post-increment! decrement! pre-decrement! post-decrement!
        make-counter integer-part fractional-part floor-align ceiling-align
        uint? sint? positive-integer? n-bits->n-u8 uint-length-in-u8 sint-length-in-u8
        check-argument-uint check-argument-sint check-argument-exact-integer
        check-argument-positive-integer normalize-uint normalize-sint uint-below?
        uint-of-length? sint-of-length? for-each-integer half least-integer
        divides? bezout mult-mod invert-mod divide-mod mult-expt-mod expt-mod
        integer-log factor-out-powers-of-2 factor-out-powers)

;; ---- the extended real line ------------------------------------------------------------------

(def (real->sign x) (cond ((positive? x) 1) ((negative? x) -1) (else 0)))

;; Unlike min and max, these return the argument itself (no contagion to inexact).
(def (%x2min a b) (if (< b a) b a))
(def (%x2max a b) (if (> b a) b a))
(def (xmin/list l) (foldl %x2min +inf.0 l))
(def (xmax/list l) (foldl %x2max -inf.0 l))
(def (xmin . xs) (xmin/list xs))
(def (xmax . xs) (xmax/list xs))
(defrules xmin! () ((_ var x ...) (set! var (xmin var x ...))))
(defrules xmax! () ((_ var x ...) (set! var (xmax var x ...))))

;; Stop at the bottom (top) value: nothing after it can change the answer.
(def (xmin/map f l (base +inf.0))
  (let/cc return
    (for (x l)
      (set! base (%x2min base (f x)))
      (when (eqv? base -inf.0) (return base)))
    base))
(def (xmax/map f l (base -inf.0))
  (let/cc return
    (for (x l)
      (set! base (%x2max base (f x)))
      (when (eqv? base +inf.0) (return base)))
    base))

;; ---- counters --------------------------------------------------------------------------------

(defrules pre-increment! ()
  ((_ place) (pre-increment! place 1))
  ((_ place n ...) (begin (set! place (+ place n ...)) place)))
(defrules post-increment! ()
  ((_ place) (post-increment! place 1))
  ((_ place n ...) (let (old place) (set! place (+ old n ...)) old)))
(defrules increment! ()
  ((_ place n ...) (begin (pre-increment! place n ...) (void))))
(defrules pre-decrement! ()
  ((_ place) (pre-decrement! place 1))
  ((_ place n ...) (begin (set! place (- place n ...)) place)))
(defrules post-decrement! ()
  ((_ place) (post-decrement! place 1))
  ((_ place n ...) (let (old place) (set! place (- old n ...)) old)))
(defrules decrement! ()
  ((_ place n ...) (begin (pre-decrement! place n ...) (void))))

(def (make-counter (n 0))
  (lambda increments
    (let (old n)
      (set! n (+ n (if (null? increments) 1 (apply + increments))))
      old)))

;; ---- integer part and alignment --------------------------------------------------------------

(def (integer-part x) (exact (truncate x)))
(def (fractional-part x) (- x (truncate x)))
(def (floor-align n alignment) (* alignment (floor (/ n alignment))))
(def (ceiling-align n alignment) (* alignment (ceiling (/ n alignment))))

;; ---- natural numbers -------------------------------------------------------------------------

(def (uint? x) (and (exact-integer? x) (not (negative? x))))
(def (sint? x) (exact-integer? x))
(def (positive-integer? x) (and (exact-integer? x) (positive? x)))
(def (n-bits->n-u8 n) (quotient (+ n 7) 8))
(def (uint-length-in-u8 n) (n-bits->n-u8 (integer-length n)))
(def (sint-length-in-u8 n) (n-bits->n-u8 (+ 1 (integer-length n))))

(def (check-argument-uint n) (check-argument (uint? n) "non-negative exact integer" n))
(def (check-argument-sint n) (check-argument (sint? n) "exact integer" n))
(def (check-argument-exact-integer n) (check-argument (exact-integer? n) "exact integer" n))
(def (check-argument-positive-integer n) (check-argument (positive-integer? n) "positive exact integer" n))

(def (normalize-uint x bits) (bitwise-and x (- (arithmetic-shift 1 bits) 1)))
(def (normalize-sint x bits)
  (let (u (normalize-uint x bits))
    (if (and (> bits 0) (bit-set? (- bits 1) u)) (- u (arithmetic-shift 1 bits)) u)))
(def (uint-below? x end) (and (uint? x) (< x end)))
(def (uint-of-length? x bits) (and (uint? x) (<= (integer-length x) bits)))
(def (sint-of-length? x bits) (and (exact-integer? x) (< (integer-length x) bits)))

;; ---- iteration and binary search ------------------------------------------------------------

(def (for-each-integer fun from below)
  (let loop ((i from)) (when (< i below) (fun i) (loop (+ i 1)))))

(def (half n) (arithmetic-shift n -1))

;; Invariant: pred? fails below lo and holds from hi on (within [start, end)).
(def (least-integer pred? start end)
  (let loop ((lo start) (hi end))
    (if (>= lo hi)
      hi
      (let (mid (+ lo (half (- hi lo))))
        (if (pred? mid) (loop lo mid) (loop (+ mid 1) hi))))))

;; ---- modular arithmetic ----------------------------------------------------------------------

(def (divides? f n) (if (zero? f) (zero? n) (zero? (remainder n f))))

;; Extended Euclid: x, y and d = gcd(a, b) >= 0 with a*x + b*y = d.
(def (bezout a b)
  (let loop ((r0 a) (r1 b) (x0 1) (x1 0) (y0 0) (y1 1))
    (if (zero? r1)
      (if (negative? r0) (values (- x0) (- y0) (- r0)) (values x0 y0 r0))
      (let (q (quotient r0 r1))
        (loop r1 (- r0 (* q r1)) x1 (- x0 (* q x1)) y1 (- y0 (* q y1)))))))

(def (mult-mod a b n) (modulo (* a b) n))

(def (invert-mod a n)
  (let-values (((x y d) (bezout a n)))
    (if (= d 1) (modulo x n) (error "invert-mod: not invertible" a n))))

(def (divide-mod a b n)
  (let-values (((x y d) (bezout b n)))
    (if (divides? d a)
      (modulo (* x (quotient a d)) n)
      (error "divide-mod: not divisible" a b n))))

(def (mult-expt-mod a x e n)
  (if (negative? e)
    (mult-expt-mod a (invert-mod x n) (- e) n)
    (let loop ((acc (modulo a n)) (base (modulo x n)) (e e))
      (cond ((zero? e) acc)
            ((odd? e) (loop (mult-mod acc base n) (mult-mod base base n) (half e)))
            (else (loop acc (mult-mod base base n) (half e)))))))

(def (expt-mod x e n) (mult-expt-mod 1 x e n))

;; ---- logarithms ------------------------------------------------------------------------------

(def (integer-log a b)
  (unless (and (exact-integer? b) (> b 1)) (error "integer-log: base must be an integer above 1" b))
  (let loop ((n 0) (p b))
    (if (> p a) n (loop (+ n 1) (* p b)))))

(def (factor-out-powers a b)
  (if (zero? a)
    (values 0 0)
    (let loop ((m a) (k 0))
      (if (zero? (remainder m b)) (loop (quotient m b) (+ k 1)) (values m k)))))

(def (factor-out-powers-of-2 n) (factor-out-powers n 2))
