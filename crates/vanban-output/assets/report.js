document.querySelectorAll('th').forEach((th,i)=>th.addEventListener('click',()=>{
const t=th.closest('table'),b=t.tBodies[0],r=[...b.rows],d=th.dataset.d=th.dataset.d==='a'?'d':'a';
r.sort((x,y)=>{const p=x.cells[i].innerText,q=y.cells[i].innerText,m=parseFloat(p),n=parseFloat(q);
const c=isNaN(m)||isNaN(n)?p.localeCompare(q,'vi'):m-n;return d==='a'?c:-c});r.forEach(x=>b.appendChild(x))}));
