;;; :std/misc/queue -- simple FIFO queues (doc/reference/std/misc/queue.md in the Gerbil
;;; repository): enqueue at the back (or the front), dequeue and peek at the front, O(1) length.
;;; A queue is the struct (queue elems back length): elems the list front to back, back its last
;;; pair, as the page's destructuring example shows.
;;;
;;; Not thread-safe, as in Gerbil: threads that share a queue lock around it (examples/queue-*.ss).

(export (rename-out (%make-queue make-queue)) queue? queue-length queue-empty? non-empty-queue? enqueue! enqueue-front! dequeue!
        queue-peek queue->list queue queue::t)

(defstruct queue (elems back length))

(def (%make-queue) (make-queue '() '() 0))
(def %absent (list 'absent))

(def (%check q who) (unless (queue? q) (error (string-append (symbol->string who) ": not a queue") q)))

(def (queue-empty? q) (%check q 'queue-empty?) (null? (queue-elems q)))
(def (non-empty-queue? q) (not (queue-empty? q)))

(def (enqueue! q x)
  (%check q 'enqueue!)
  (let ((cell (list x)))
    (if (null? (queue-elems q)) (queue-elems-set! q cell) (set-cdr! (queue-back q) cell))
    (queue-back-set! q cell)
    (queue-length-set! q (+ 1 (queue-length q)))))

(def (enqueue-front! q x)
  (%check q 'enqueue-front!)
  (let ((cell (cons x (queue-elems q))))
    (when (null? (queue-elems q)) (queue-back-set! q cell))
    (queue-elems-set! q cell)
    (queue-length-set! q (+ 1 (queue-length q)))))

(def (%empty who q default)
  (if (eq? default %absent) (error (string-append (symbol->string who) ": the queue is empty") q) default))

(def (dequeue! q (default %absent))
  (%check q 'dequeue!)
  (let ((cells (queue-elems q)))
    (if (null? cells)
      (%empty 'dequeue! q default)
      (begin
        (queue-elems-set! q (cdr cells))
        (when (null? (cdr cells)) (queue-back-set! q '()))
        (queue-length-set! q (- (queue-length q) 1))
        (car cells)))))

(def (queue-peek q (default %absent))
  (%check q 'queue-peek)
  (if (null? (queue-elems q)) (%empty 'queue-peek q default) (car (queue-elems q))))

(def (queue->list q) (%check q 'queue->list) (list-copy (queue-elems q)))
