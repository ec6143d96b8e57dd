;;; vector: multiply two square integer matrices stored as vectors of row vectors, then sum
;;; the product's entries and its trace. Measures vector allocation, indexing and loops.

(define bench-size 90)
(define bench-test-size 4)

(define (make-matrix n f)
  (let ((m (make-vector n #f)))
    (do ((i 0 (+ i 1))) ((= i n) m)
      (let ((row (make-vector n 0)))
        (do ((j 0 (+ j 1))) ((= j n))
          (vector-set! row j (f i j)))
        (vector-set! m i row)))))

(define (matrix-multiply a b)
  (let ((n (vector-length a)))
    (make-matrix n
                 (lambda (i j)
                   (let ((row (vector-ref a i)))
                     (do ((k 0 (+ k 1))
                          (s 0 (+ s (* (vector-ref row k) (vector-ref (vector-ref b k) j)))))
                         ((= k n) s)))))))

(define (matrix-sum m)
  (let loop ((i 0) (s 0))
    (if (= i (vector-length m))
        s
        (loop (+ i 1)
              (let ((row (vector-ref m i)))
                (do ((j 0 (+ j 1)) (s s (+ s (vector-ref row j))))
                    ((= j (vector-length row)) s)))))))

(define (matrix-trace m)
  (do ((i 0 (+ i 1)) (s 0 (+ s (vector-ref (vector-ref m i) i))))
      ((= i (vector-length m)) s)))

(define (bench-run)
  (let* ((n bench-size)
         (a (make-matrix n (lambda (i j) (- (modulo (+ (* i 7) j) 10) 4))))
         (b (make-matrix n (lambda (i j) (modulo (* (+ i 1) (+ j 3)) 13))))
         (c (matrix-multiply a b)))
    (list (matrix-sum c) (matrix-trace c))))

(define bench-expected '(2039310 22819))
(define bench-test-expected '(-26 20))
