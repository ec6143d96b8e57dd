;;; quicksort: sort a vector of pseudo-random integers in place with quicksort (Hoare's
;;; partition around the middle element). Measures vector access and integer comparison.

(define bench-size 40000)
(define bench-test-size 20)

;; Park-Miller minimal standard generator; products stay below 2^46, so fixnums everywhere.
(define (random-vector n seed)
  (let ((v (make-vector n 0)))
    (let loop ((i 0) (x seed))
      (if (= i n)
          v
          (let ((next (modulo (* x 16807) 2147483647)))
            (vector-set! v i (modulo next 1000000))
            (loop (+ i 1) next))))))

(define (quicksort! v lo hi)
  (if (< lo hi)
      (let ((pivot (vector-ref v (quotient (+ lo hi) 2))))
        (let partition ((i lo) (j hi))
          (let ((i (let up ((i i)) (if (< (vector-ref v i) pivot) (up (+ i 1)) i)))
                (j (let down ((j j)) (if (> (vector-ref v j) pivot) (down (- j 1)) j))))
            (if (<= i j)
                (let ((tmp (vector-ref v i)))
                  (vector-set! v i (vector-ref v j))
                  (vector-set! v j tmp)
                  (partition (+ i 1) (- j 1)))
                (begin
                  (quicksort! v lo j)
                  (quicksort! v i hi))))))))

(define (sorted? v)
  (let loop ((i 1))
    (or (>= i (vector-length v))
        (and (<= (vector-ref v (- i 1)) (vector-ref v i))
             (loop (+ i 1))))))

;; Whether the vector came out sorted, and its smallest, middle and largest elements.
(define (bench-run)
  (let* ((n bench-size)
         (v (random-vector n 42)))
    (quicksort! v 0 (- n 1))
    (list (sorted? v)
          (vector-ref v 0)
          (vector-ref v (quotient n 2))
          (vector-ref v (- n 1)))))

(define bench-expected '(#t 25 498627 999985))
(define bench-test-expected '(#t 121545 520601 968160))
