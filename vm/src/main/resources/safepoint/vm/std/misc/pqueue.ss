;;; :std/misc/pqueue -- priority queues (doc/reference/std/misc/pqueue.md in the Gerbil
;;; repository): a binary heap ordered by (cmp (prio a) (prio b)), a min-heap under the default <.
;;; The struct (pqueue internal-heap prio cmp): the heap is a vector whose slot 0 holds the size
;;; and slots 1.. the entries (priority . element), unused slots 0, as the page's destructuring
;;; example shows; it doubles when full.
;;;
;;; Not thread-safe, as in Gerbil: threads that share a priority queue lock around it.

(export (rename-out (%make-pqueue make-pqueue)) pqueue? pqueue-size pqueue-empty? pqueue-push! pqueue-pop!
        pqueue-peek pqueue-contents pqueue pqueue::t)

(defstruct pqueue (internal-heap prio cmp))

(def (%make-pqueue prio (cmp <) (capacity 15))
  (unless (procedure? prio) (error "make-pqueue: the priority must be a procedure" prio))
  (unless (and (fixnum? capacity) (>= capacity 0)) (error "make-pqueue: the capacity must be a fixnum >= 0" capacity))
  (let ((v (make-vector (+ capacity 1) 0)))
    (vector-set! v 0 0)
    (make-pqueue v prio cmp)))

(def %absent (list 'absent))
(def (%check pq who) (unless (pqueue? pq) (error (string-append (symbol->string who) ": not a pqueue") pq)))

(def (pqueue-size pq) (%check pq 'pqueue-size) (vector-ref (pqueue-internal-heap pq) 0))
(def (pqueue-empty? pq) (= 0 (pqueue-size pq)))

;; Whether the entry in slot i goes before the one in slot j.
(def (%before? pq v i j) ((pqueue-cmp pq) (car (vector-ref v i)) (car (vector-ref v j))))
(def (%swap! v i j) (let ((x (vector-ref v i))) (vector-set! v i (vector-ref v j)) (vector-set! v j x)))

(def (pqueue-push! pq x)
  (%check pq 'pqueue-push!)
  (let* ((size (+ 1 (pqueue-size pq)))
         (v (let ((v (pqueue-internal-heap pq)))
              (if (< size (vector-length v)) v
                  (let ((w (make-vector (* 2 (vector-length v)) 0)))
                    (vector-copy! w 0 v)
                    (pqueue-internal-heap-set! pq w)
                    w)))))
    (vector-set! v 0 size)
    (vector-set! v size (cons ((pqueue-prio pq) x) x))
    (let up ((i size))
      (let ((parent (quotient i 2)))
        (when (and (> parent 0) (%before? pq v i parent))
          (%swap! v i parent)
          (up parent))))))

(def (pqueue-pop! pq (default %absent))
  (%check pq 'pqueue-pop!)
  (let ((v (pqueue-internal-heap pq)) (size (pqueue-size pq)))
    (if (= size 0)
      (if (eq? default %absent) (error "pqueue-pop!: the priority queue is empty" pq) default)
      (let ((top (cdr (vector-ref v 1))))
        (vector-set! v 1 (vector-ref v size))
        (vector-set! v size 0)
        (vector-set! v 0 (- size 1))
        (let down ((i 1))
          (let* ((l (* 2 i)) (r (+ l 1)) (n (- size 1))
                 (best (if (and (<= l n) (%before? pq v l i)) l i))
                 (best (if (and (<= r n) (%before? pq v r best)) r best)))
            (unless (= best i)
              (%swap! v i best)
              (down best))))
        top))))

(def (pqueue-peek pq)
  (%check pq 'pqueue-peek)
  (if (pqueue-empty? pq) (error "pqueue-peek: the priority queue is empty" pq) (cdr (vector-ref (pqueue-internal-heap pq) 1))))

;; The elements in heap order, the queue unchanged.
(def (pqueue-contents pq)
  (%check pq 'pqueue-contents)
  (let ((v (pqueue-internal-heap pq)))
    (let loop ((i (pqueue-size pq)) (acc '()))
      (if (= i 0) acc (loop (- i 1) (cons (cdr (vector-ref v i)) acc))))))
