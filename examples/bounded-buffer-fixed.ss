;;; A bounded buffer done right: two producers and two consumers share a ring of two slots,
;;; one mutex and two condition variables (not-full, not-empty). Each waits in a loop that
;;; checks its condition again after waking, since another thread may have taken the slot or
;;; the item first. dfs proves it for every schedule with at most two preemptions:
;;;
;;;   ./safepoint explore examples/bounded-buffer-fixed.ss --strategy dfs --preemptions 2
;;;
;;; Its twin examples/bounded-buffer-if.ss checks once (if, not while): a consumer woken for an
;;; item another consumer took reads an empty slot.

(defstruct ring (slots head count lock not-full not-empty))

(define (make-buffer size)
  (make-ring (make-vector size #f) 0 0 (make-mutex 'buffer)
             (make-condition-variable 'not-full) (make-condition-variable 'not-empty)))

(define (size b) (vector-length (ring-slots b)))

(define (put! b x)
  (mutex-lock! (ring-lock b))
  (let wait ()
    (when (= (ring-count b) (size b))
      (mutex-unlock! (ring-lock b) (ring-not-full b))   ; wait, then take the lock again
      (mutex-lock! (ring-lock b))
      (wait)))
  (vector-set! (ring-slots b) (modulo (+ (ring-head b) (ring-count b)) (size b)) x)
  (ring-count-set! b (+ (ring-count b) 1))
  (condition-variable-signal! (ring-not-empty b))
  (mutex-unlock! (ring-lock b)))

(define (take! b)
  (mutex-lock! (ring-lock b))
  (let wait ()
    (when (= (ring-count b) 0)
      (mutex-unlock! (ring-lock b) (ring-not-empty b))
      (mutex-lock! (ring-lock b))
      (wait)))
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
