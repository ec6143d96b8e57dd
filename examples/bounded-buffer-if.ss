;;; The bounded buffer of examples/bounded-buffer-fixed.ss with the classic bug: each thread
;;; checks its condition once (if, not a loop) before it waits. A consumer woken for an item can
;;; find that the other consumer took it first, and takes an empty slot:
;;;
;;;   ./safepoint explore examples/bounded-buffer-if.ss          finds "took an empty slot"
;;;
;;; The fix checks again after every wake (a named let around the wait).

(defstruct ring (slots head count lock not-full not-empty))

(define (make-buffer size)
  (make-ring (make-vector size #f) 0 0 (make-mutex 'buffer)
             (make-condition-variable 'not-full) (make-condition-variable 'not-empty)))

(define (size b) (vector-length (ring-slots b)))

(define (put! b x)
  (mutex-lock! (ring-lock b))
  (when (= (ring-count b) (size b))                    ; the bug: checked once
    (mutex-unlock! (ring-lock b) (ring-not-full b))
    (mutex-lock! (ring-lock b)))
  (vector-set! (ring-slots b) (modulo (+ (ring-head b) (ring-count b)) (size b)) x)
  (ring-count-set! b (+ (ring-count b) 1))
  (condition-variable-signal! (ring-not-empty b))
  (mutex-unlock! (ring-lock b)))

(define (take! b)
  (mutex-lock! (ring-lock b))
  (when (= (ring-count b) 0)                           ; the bug: checked once
    (mutex-unlock! (ring-lock b) (ring-not-empty b))
    (mutex-lock! (ring-lock b)))
  (let ((x (vector-ref (ring-slots b) (ring-head b))))
    (unless x (error "took an empty slot" (ring-head b)))
    (vector-set! (ring-slots b) (ring-head b) #f)
    (ring-head-set! b (modulo (+ (ring-head b) 1) (size b)))
    (ring-count-set! b (- (ring-count b) 1))
    (condition-variable-signal! (ring-not-full b))
    (mutex-unlock! (ring-lock b))
    x))

(define buffer (make-buffer 2))
(define (producer items) (lambda () (for-each (lambda (x) (put! buffer x)) items)))
(define (consumer n) (lambda () (let loop ((k 0) (got '())) (if (= k n) got (loop (+ k 1) (cons (take! buffer) got))))))

(define producers (list (spawn/name 'producer-a (producer '(a1 a2))) (spawn/name 'producer-b (producer '(b1 b2)))))
(define consumers (list (spawn/name 'consumer-1 (consumer 2)) (spawn/name 'consumer-2 (consumer 2))))
(for-each thread-join! producers)
(define got (apply append (map thread-join! consumers)))
(unless (= (length got) 4) (error "items lost" got))
(display (length got))
(newline)
