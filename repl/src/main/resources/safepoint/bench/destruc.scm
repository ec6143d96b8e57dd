;;; destruc: destructive list operations. A list of rows (each a list of numbers) is rebuilt
;;; in place over and over: every row is reversed with set-cdr!, its first element bumped with
;;; set-car!, and the rows are rotated by splicing the list's two halves. Measures mutation of
;;; pairs and pointer chasing.

(define bench-size 300)
(define bench-test-size 3)

(define (reverse-in-place! lst)
  (let loop ((l lst) (acc '()))
    (if (null? l)
        acc
        (let ((next (cdr l)))
          (set-cdr! l acc)
          (loop next l)))))

(define (last-cell lst)
  (if (null? (cdr lst)) lst (last-cell (cdr lst))))

;; Row i holds i, i+1, ..., i+width-1.
(define (make-rows count width)
  (let loop ((i (- count 1)) (rows '()))
    (if (< i 0)
        rows
        (loop (- i 1)
              (cons (let build ((j (- width 1)) (row '()))
                      (if (< j 0) row (build (- j 1) (cons (+ i j) row))))
                    rows)))))

(define (destruc-round! rows)
  (let loop ((r rows))
    (if (pair? r)
        (let ((row (reverse-in-place! (car r))))
          (set-car! row (+ (car row) 1))
          (set-car! r row)
          (loop (cdr r)))))
  ;; rows = a ++ b becomes b ++ a without allocating.
  (let* ((half (quotient (length rows) 2))
         (end-of-a (list-tail rows (- half 1)))
         (b (cdr end-of-a)))
    (set-cdr! end-of-a '())
    (set-cdr! (last-cell b) rows)
    b))

;; Sum over the rows of (position + 1) * (sum of the row), so that order matters.
(define (rows-checksum rows)
  (let loop ((r rows) (position 1) (total 0))
    (if (null? r)
        total
        (loop (cdr r)
              (+ position 1)
              (+ total (* position (let add ((l (car r)) (s 0))
                                     (if (null? l) s (add (cdr l) (+ s (car l)))))))))))

(define (bench-run)
  (let loop ((i 0) (rows (make-rows 101 50)))
    (if (= i bench-size)
        (rows-checksum rows)
        (loop (+ i 1) (destruc-round! rows)))))

(define bench-expected 18591575)
(define bench-test-expected 17061728)
