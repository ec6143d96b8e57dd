;;; nqueens: count the ways to place n queens on an n-by-n board so that none attacks another,
;;; by backtracking over columns row by row. Measures loops, list consing and comparisons.

(define bench-size 8)
(define bench-test-size 6)

;; placed lists the columns of the queens already placed, the previous row first.
(define (queen-safe? col placed)
  (let loop ((rest placed) (distance 1))
    (cond ((null? rest) #t)
          ((let ((c (car rest)))
             (or (= c col) (= c (+ col distance)) (= c (- col distance))))
           #f)
          (else (loop (cdr rest) (+ distance 1))))))

(define (queens-count n)
  (define (place row placed)
    (if (= row n)
        1
        (let loop ((col 0) (count 0))
          (if (= col n)
              count
              (loop (+ col 1)
                    (if (queen-safe? col placed)
                        (+ count (place (+ row 1) (cons col placed)))
                        count))))))
  (place 0 '()))

;; Repeat so that one run is long enough to time.
(define (bench-run)
  (let loop ((i 0) (result 0))
    (if (= i 13)
        result
        (loop (+ i 1) (queens-count bench-size)))))

(define bench-expected 92)
(define bench-test-expected 4)
